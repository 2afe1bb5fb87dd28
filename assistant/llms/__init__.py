"""Answer backends: a chat model behind the OpenAI API, or extractive quoting."""
