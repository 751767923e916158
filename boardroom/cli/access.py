"""`access add|list|remove|authorized-keys`: who may reach the board over SSH."""

from __future__ import annotations

import datetime as dt
import os
import sys

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, Parser, common, host_path, words
from boardroom.domain.clock import shown_moment

#: A public key is one line of a few hundred bytes; a file much larger is not one.
KEY_LIMIT = 64_000


def register(commands: Commands) -> None:
    access = commands.add_parser(
        "access",
        help="who may reach the board over SSH: members' public keys",
        description="Bind members' public SSH keys to them (the key is the identity on the"
        " board host), list and remove them, and print the host's authorized_keys. See the"
        " README, 'Sharing a board'.",
    )
    kinds = access.add_subparsers(dest="access_command", metavar="WHAT", parser_class=Parser)
    kinds.required = True
    _register_keys(kinds)
    _register_invitations(kinds)
    _register_authorized_keys(kinds)


def _register_keys(kinds: Commands) -> None:
    add = kinds.add_parser(
        "add",
        help="bind a member's public key (secretary or chair)",
        description="Bind a public key (ed25519, ECDSA or RSA of 2048 bits or more) to a"
        " member. A key belongs to one member only.",
    )
    common(add)
    words(add, "--member", required=True, metavar="MEMBER", help="a few letters of the name")
    host_path(
        add,
        "--key",
        dest="key_file",
        stdio="in",
        required=True,
        metavar="FILE.pub",
        help="the member's public key file; - reads it from standard input",
    )
    add.set_defaults(handler=run_add)

    listing = kinds.add_parser(
        "list",
        help="every bound key: member, fingerprint, added when and by whom",
        description="Every bound key. A key of a member who is no longer active opens nothing.",
    )
    common(listing)
    listing.set_defaults(handler=run_list)

    remove = kinds.add_parser(
        "remove",
        help="take a key (or every key of a member) away (secretary or chair)",
        description="Remove a key by its fingerprint, or every key of a member. The next login"
        " with it is refused, and the member's open sessions end within a second.",
    )
    common(remove)
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--key", dest="fingerprint", metavar="FINGERPRINT", help="SHA256:…")
    which.add_argument("--passkey", type=int, metavar="NR", help="a passkey, by its number")
    words(which, "--member", metavar="MEMBER", help="every key of this member")
    remove.set_defaults(handler=run_remove)


def _register_invitations(kinds: Commands) -> None:
    invite = kinds.add_parser(
        "invite",
        help="a one-time link for a member to join in the browser with a passkey",
        description="Print a link that works once, for this member, until it expires: opening"
        " it, the member makes a passkey (Windows Hello, Touch ID, a phone, a security key)"
        " and is in the board as themselves from then on. The board keeps only a hash of the"
        " link. Send it to the member yourself; `access list` shows it until it is used.",
    )
    common(invite)
    words(invite, "--member", required=True, metavar="MEMBER", help="a few letters of the name")
    invite.add_argument(
        "--hours", type=int, default=72, metavar="N", help="how long the link works (default 72)"
    )
    invite.add_argument(
        "--public-url",
        default=os.environ.get("BOARDROOM_PUBLIC_URL"),
        metavar="URL",
        help="the board's address as members reach it, https://… (default: $BOARDROOM_PUBLIC_URL)",
    )
    invite.set_defaults(handler=run_invite)

    revoke = kinds.add_parser(
        "revoke",
        help="an invitation link not used yet stops working (secretary or chair)",
        description="Revoke an invitation by its number in `access list`.",
    )
    common(revoke)
    revoke.add_argument("--invitation", type=int, required=True, metavar="NR")
    revoke.set_defaults(handler=run_revoke)


def _register_authorized_keys(kinds: Commands) -> None:
    keys = kinds.add_parser(
        "authorized-keys",
        help="print the board host's authorized_keys",
        description="One line per key of an active member, forced into `boardroom ssh-session`"
        " as that key's member (restrict,pty,command=…). Write it to the host account's"
        " ~/.ssh/authorized_keys; sshd's AuthorizedKeysCommand is `boardroom-keys`, which"
        " gives the same lines without starting the app.",
    )
    common(keys)
    host_path(
        keys,
        "--program",
        stdio=None,
        metavar="COMMAND",
        help="how the host starts boardroom (default: this Python with -m boardroom)",
    )
    keys.set_defaults(handler=run_authorized_keys, owner_only=True)


def run_add(inv: Invocation) -> int:
    from boardroom.services import access

    name = inv.args.key_file
    with inv.session() as session:
        access.require_manager(session)  # before the key file is read
        text = inv.files.read_text(name, "--key", KEY_LIMIT)
        row = access.add_key(session, inv.args.member, text, "--key -" if name == "-" else name)
    print(f"{row.member}: {row.algorithm} {row.fingerprint} added")
    return 0


def run_list(inv: Invocation) -> int:
    from boardroom.services import access, passkeys

    with inv.session() as session:
        rows = access.keys(session)
        held = passkeys.passkeys(session)
        asked = [i for i in passkeys.invitations(session) if i.state == "open"]
    width = max((len(name) for name in [r.member for r in rows] + [p.member for p in held]
                 + [i.member for i in asked]), default=6)  # fmt: skip
    for r in rows:
        state = "" if r.active else "  (member not active: no access)"
        moment = dt.datetime.fromisoformat(r.added_at)
        added = f"added {shown_moment(moment.replace(tzinfo=moment.tzinfo or dt.UTC))}" + (
            f" by {r.added_by}" if r.added_by else ""
        )
        print(f"{r.member:<{width}}  {r.fingerprint}  {r.algorithm:<11}  {added}{state}")
    if not rows:
        print("no keys yet: boardroom access add --member NAME --key FILE.pub")
    for p in held:
        state = "" if p.active else "  (member not active: no access)"
        used = f", last used {_moment(p.last_used_at)}" if p.last_used_at else ", not used yet"
        by = f" by {p.invited_by}'s invitation" if p.invited_by else ""
        label = f" {p.label}" if p.label else ""
        print(
            f"{p.member:<{width}}  passkey {p.id}{label}  added {_moment(p.added_at)}{by}{used}{state}"
        )
    for i in asked:
        print(f"{i.member:<{width}}  invitation {i.id}  open until {_moment(i.expires_at)}")
    return 0


def _moment(text: str) -> str:
    moment = dt.datetime.fromisoformat(text)
    return shown_moment(moment.replace(tzinfo=moment.tzinfo or dt.UTC))


def run_invite(inv: Invocation) -> int:
    from boardroom.domain.errors import ValidationProblem
    from boardroom.services import passkeys

    if not inv.args.public_url:
        raise ValidationProblem(
            "the board's address is needed: --public-url https://… (or $BOARDROOM_PUBLIC_URL)",
            "--public-url",
        )
    with inv.session() as session:
        made = passkeys.invite(session, inv.args.member, inv.args.public_url, inv.args.hours)
    until = shown_moment(dt.datetime.fromisoformat(made.expires_at))
    print(f"{made.member}: invitation {made.id}, works once until {until}")
    print(made.link)
    return 0


def run_revoke(inv: Invocation) -> int:
    from boardroom.services import passkeys

    with inv.session() as session:
        passkeys.revoke_invitation(session, inv.args.invitation)
    print(f"invitation {inv.args.invitation} revoked")
    return 0


def run_remove(inv: Invocation) -> int:
    from boardroom.services import access, passkeys

    if inv.args.passkey is not None:
        with inv.session() as session:
            held = passkeys.remove_passkey(session, inv.args.passkey)
        print(f"{held.member}: passkey {held.id} removed")
        return 0
    with inv.session() as session:
        gone = access.remove_keys(
            session, fingerprint=inv.args.fingerprint, member_name=inv.args.member
        )
    for row in gone:
        print(f"{row.member}: {row.fingerprint} removed")
    return 0


def run_authorized_keys(inv: Invocation) -> int:
    import shlex

    from boardroom.host_keys import default_program
    from boardroom.services import access

    program = shlex.split(inv.args.program) if inv.args.program else default_program()
    with inv.session() as session:
        sys.stdout.write(access.authorized_keys(session, program, inv.db_path))
    return 0
