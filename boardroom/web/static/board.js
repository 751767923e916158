// The board's page: make a passkey (from an invitation link) or sign in with one.
// WebAuthn's options come from the board as JSON with base64url fields; the browser's API
// wants bytes, and its answer goes back as base64url JSON. Nothing here is loaded from
// anywhere but the board.
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

document.addEventListener("DOMContentLoaded", () => {
  const join = document.getElementById("join");
  if (join) join.addEventListener("click", () => makePasskey(join));
  const signin = document.getElementById("sign-in");
  if (signin) signin.addEventListener("click", () => signIn(signin));
});
