// The board's page: make a passkey (from an invitation link) or sign in with one; signed in,
// the app's page around textual-serve's terminal (textual.js): downloads, the keys a browser
// keeps, a lost connection. WebAuthn's options come from the board as JSON with base64url
// fields; the browser's API wants bytes, and its answer goes back as base64url JSON. Nothing
// here is loaded from anywhere but the board.
"use strict";

function fromB64url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer;
}

function toB64url(buffer) {
  const bytes = new Uint8Array(buffer);
  let raw = "";
  bytes.forEach((b) => (raw += String.fromCharCode(b)));
  return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function post(url, body) {
  const answer = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body || {}),
  });
  const data = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(data.error || answer.statusText);
  return data;
}

function say(text) {
  document.getElementById("message").textContent = text;
}

async function makePasskey(button) {
  const base = button.dataset.join;
  try {
    const options = await post(base + "/options");
    options.challenge = fromB64url(options.challenge);
    options.user.id = fromB64url(options.user.id);
    (options.excludeCredentials || []).forEach((c) => (c.id = fromB64url(c.id)));
    const made = await navigator.credentials.create({ publicKey: options });
    await post(base, {
      credential: {
        id: made.id, rawId: toB64url(made.rawId), type: made.type,
        response: {
          clientDataJSON: toB64url(made.response.clientDataJSON),
          attestationObject: toB64url(made.response.attestationObject),
          transports: made.response.getTransports ? made.response.getTransports() : [],
        },
        clientExtensionResults: made.getClientExtensionResults(),
        authenticatorAttachment: made.authenticatorAttachment,
      },
      label: navigator.platform || "",
    });
    window.location.href = "/?joined=1";
  } catch (error) {
    say(button.dataset.failed + " " + error.message);
  }
}

async function signIn(button) {
  try {
    const options = await post("/api/sign-in/options");
    options.challenge = fromB64url(options.challenge);
    const got = await navigator.credentials.get({ publicKey: options });
    await post("/api/sign-in", {
      credential: {
        id: got.id, rawId: toB64url(got.rawId), type: got.type,
        response: {
          clientDataJSON: toB64url(got.response.clientDataJSON),
          authenticatorData: toB64url(got.response.authenticatorData),
          signature: toB64url(got.response.signature),
          userHandle: got.response.userHandle ? toB64url(got.response.userHandle) : null,
        },
        clientExtensionResults: got.getClientExtensionResults(),
      },
    });
    window.location.href = "/";
  } catch (error) {
    say(button.dataset.failed + " " + error.message);
  }
}

// -- the app's page -------------------------------------------------------------------------

// A file the app made (an export) is announced on the websocket and fetched from
// /download/KEY; textual.js opens it in a new window, which a popup blocker stops when the
// file took seconds to make. A link that downloads is never blocked.
function downloadsAsLinks() {
  const open = window.open.bind(window);
  window.open = (url, target, features) => {
    const where = new URL(url, window.location.href);
    if (where.origin === window.location.origin && where.pathname.startsWith("/download/")) {
      const link = document.createElement("a");
      link.href = where.pathname + where.search;
      link.download = "";
      document.body.appendChild(link);
      link.click();
      link.remove();
      return null;
    }
    return open(url, target, features);
  };
}

// The keys the app uses that a browser would take for itself where the page lets it
// (reload, caret browsing, developer tools, print, save, find): kept for the app. The keys
// a browser never gives a page (close the tab, a new window, full screen) the app does not
// need: every list has a letter key, and the palette is ctrl+k.
const APP_KEYS = new Set(["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F12"]);
const APP_CTRL = new Set(["p", "s", "f", "r", "d", "g", "o", "k", "u", "e", "h", "j"]);

function keysForTheApp(terminal) {
  window.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("header, #closed")) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (APP_KEYS.has(key) || ((event.ctrlKey || event.metaKey) && APP_CTRL.has(key))) {
      event.preventDefault();
    }
    const input = terminal.querySelector("textarea");
    if (input && document.activeElement !== input) input.focus();
  }, true);
}

// The app's connection: when it ends, say why. Ended by the app (q, or the member's access
// ended): offer to open it again, or the sign-in when the sign-in no longer stands. Lost
// (the network, the host restarting): try again until the board answers, then open a fresh
// session — everything done was committed at once, nothing is lost.
function watchTheConnection() {
  const Native = window.WebSocket;
  function Watched(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("close", (event) => connectionClosed(event.code === 1000));
    return socket;
  }
  Watched.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach((k) => (Watched[k] = Native[k]));
  window.WebSocket = Watched;
}

async function signedIn() {
  try {
    const answer = await fetch("/api/session", { credentials: "same-origin", cache: "no-store" });
    return answer.ok ? "yes" : answer.status === 401 ? "no" : "unknown";
  } catch (error) {
    return "unknown"; // the board does not answer (yet)
  }
}

async function connectionClosed(ended) {
  const shade = document.getElementById("closed");
  if (!shade) return;
  let state = await signedIn();
  if (state === "no") {
    window.location.href = "/";
    return;
  }
  shade.className = ended ? "ended" : "lost";
  shade.hidden = false;
  if (ended) {
    document.getElementById("open-again").focus();
    return;
  }
  for (let wait = 1000; state !== "yes"; wait = Math.min(wait * 2, 10000)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    state = await signedIn();
    if (state === "no") {
      window.location.href = "/";
      return;
    }
  }
  window.location.reload();
}

function appPage(terminal) {
  downloadsAsLinks();
  keysForTheApp(terminal);
  const out = document.getElementById("sign-out");
  if (out) {
    out.addEventListener("click", async () => {
      await post("/sign-out").catch(() => null);
      window.location.href = "/";
    });
  }
  const again = document.getElementById("open-again");
  if (again) again.addEventListener("click", () => window.location.reload());
  // the terminal exists once textual.js has run (at the page's load): the keys go to it
  window.addEventListener("load", () => {
    const input = terminal.querySelector("textarea");
    if (input) input.focus();
  });
}

watchTheConnection(); // before textual.js opens its socket (at the page's load)

document.addEventListener("DOMContentLoaded", () => {
  const terminal = document.getElementById("terminal");
  if (terminal) appPage(terminal);
  const join = document.getElementById("join");
  if (join) join.addEventListener("click", () => makePasskey(join));
  const signin = document.getElementById("sign-in");
  if (signin) signin.addEventListener("click", () => signIn(signin));
});
