"""A progress bar for long commands, drawn on a terminal's standard error only."""


class ProgressBar:
    """Call with (done, total), or (label, done, total) to name the stage."""

    def __init__(self, stream, label: str = "", width: int = 30):
        self.stream = stream
        self.label = label
        self.width = width

    def __call__(self, *args) -> None:
        label, done, total = args if len(args) == 3 else (self.label, *args)
        filled = round(self.width * done / max(total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{label} [{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\r" + " " * (self.width + 40) + "\r")
        self.stream.flush()
