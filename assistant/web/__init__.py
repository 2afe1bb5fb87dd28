"""The browser chat (Gradio): layout and events in app.py, HTML in render.py.

A face of the assistant: it uses only the public `assistant` API.
"""

from assistant.web.app import build, launch

__all__ = ["build", "launch"]
