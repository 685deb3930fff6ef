"""Simplified Chinese for the report's shared sections."""

TEXT: dict[str, str] = {
}
