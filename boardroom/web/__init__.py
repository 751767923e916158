"""The board in the browser: members sign in with a passkey and the app runs for them, one
process per tab, over a websocket (textual-serve's app service). See `server.py`."""
