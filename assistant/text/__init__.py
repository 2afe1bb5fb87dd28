"""Text utilities every layer shares: sentence spans and content terms."""
