"""Delivery: a rendered report mailed to its readers (``communitykit send``).

``settings`` reads the SMTP settings file, ``summary`` reads a report's summary back
from its metrics.json, ``message`` builds the mail, ``send`` speaks SMTP, ``deliver``
runs the command. See docs/delivery.md.
"""
