"""Helpers the tests share: a scripted OpenAI-compatible server, a Chroma server, the app."""
