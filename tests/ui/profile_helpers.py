"""A scripted stand-in for the profile dialogs: answers from queues, every question recorded."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from serumdesk.storage.profile_types import Profile
from serumdesk.ui.profiles.prompts import Unsaved


class ScriptedPrompts:
    """Answers each question from its queue; an empty queue means the person cancels
    (Discard for the unsaved-changes question, so closing at teardown never hangs)."""

    def __init__(self) -> None:
        self.names: deque[str | None] = deque()
        self.confirms: deque[bool] = deque()
        self.unsaved: deque[Unsaved] = deque()
        self.picks: deque[str | None] = deque()  # profile names to pick
        self.files: deque[Path | None] = deque()
        self.asked: list[tuple[str, str]] = []  # (kind, text) of every question and message
        self.buttons: list[tuple[str, str]] = []  # (action, decline) of every confirmation

    def ask_name(self, title: str, label: str, initial: str = "") -> str | None:
        self.asked.append(("name", f"{title}: {initial}"))
        return self.names.popleft() if self.names else None

    def confirm(self, title: str, text: str, action: str, decline: str = "Cancel") -> bool:
        self.asked.append(("confirm", text))
        self.buttons.append((action, decline))
        return self.confirms.popleft() if self.confirms else False

    def ask_unsaved(self, name: str | None) -> Unsaved:
        self.asked.append(("unsaved", name or ""))
        return self.unsaved.popleft() if self.unsaved else Unsaved.DISCARD

    def ask_clear_on_quit(self) -> Unsaved:
        self.asked.append(("clear_on_quit", ""))
        return self.unsaved.popleft() if self.unsaved else Unsaved.DISCARD

    def pick_profile(
        self, profiles: list[Profile], *, title: str, intro: str, action: str, current_id: str | None = None
    ) -> Profile | None:
        self.asked.append(("pick", ", ".join(p.name for p in profiles)))
        wanted = self.picks.popleft() if self.picks else None
        return next((p for p in profiles if p.name == wanted), None)

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        self.asked.append(("open_file", title))
        return self.files.popleft() if self.files else None

    def save_file(self, title: str, suggested_name: str) -> Path | None:
        self.asked.append(("save_file", suggested_name))
        return self.files.popleft() if self.files else None

    def inform(self, title: str, text: str) -> None:
        self.asked.append(("inform", text))

    def warn(self, title: str, text: str) -> None:
        self.asked.append(("warn", text))

    def texts(self, kind: str) -> list[str]:
        return [text for k, text in self.asked if k == kind]
