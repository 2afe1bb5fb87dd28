"""The browser chat (Gradio): layout and events in ui.py, HTML in render.py."""
