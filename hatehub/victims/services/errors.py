"""What the victims services refuse."""


class UpdateRefused(ValueError):
    """The update cannot be sent as asked; nothing was changed."""
