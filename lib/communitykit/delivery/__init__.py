"""Delivery: a rendered report mailed to its readers (``communitykit send``).

``settings`` reads the SMTP settings file, ``summary`` reads a report's summary back
from its metrics.json (``actions``: its actions from commentary.json), ``review_check``
refuses a report whose review files changed since it was rendered, ``message`` builds
the mail, ``send`` speaks SMTP, ``deliver`` runs the command. See docs/delivery.md.
"""
