"""DynamoDB access. Key layouts are documented in docs/ARCHITECTURE.md."""
