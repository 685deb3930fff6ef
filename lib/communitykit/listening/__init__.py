"""Listening (docs/metrics.md): what members talk about, ask for and feel, per message.

``text`` holds language detection and folding, ``sentiment`` the offline scorers,
``requests`` the request detector and its object normaliser, ``terms`` the token and
phrase extraction for emerging terms, ``themes`` the playbook theme matcher, and
``annotate`` puts them together per message.
"""
