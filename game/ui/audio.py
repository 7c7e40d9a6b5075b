"""Sound effects, optional: with no audio device the game runs silently, printing nothing."""

from __future__ import annotations

import math
import struct
from typing import Protocol

import pygame

SAMPLE_RATE = 22_050

#: Each effect as (frequency in Hz, seconds) notes, synthesised when first played: no sound
#: files.
EFFECTS: dict[str, tuple[tuple[float, float], ...]] = {
    "step": ((440.0, 0.04),),
    "blocked": ((160.0, 0.08),),
    "spotted": ((330.0, 0.08), (220.0, 0.12)),
    "win": ((523.3, 0.12), (659.3, 0.12), (784.0, 0.25)),
    "lose": ((392.0, 0.15), (329.6, 0.15), (261.6, 0.3)),
    "right": ((659.3, 0.08), (880.0, 0.14)),
    "wrong": ((220.0, 0.2),),
    "click": ((600.0, 0.03),),
}


class Audio(Protocol):
    """Plays a named effect."""

    def play(self, name: str) -> None:
        """Play effect ``name`` (one of :data:`EFFECTS`)."""

    def set_volume(self, loudness: float) -> None:
        """Play at ``loudness`` (0.0 silent .. 1.0 full), the settings' sound and volume."""


#: How loud effects are at full volume (synthesised sines are harsh at 1.0).
FULL_VOLUME = 0.5


class SilentAudio:
    """The null object used when there is no sound device, or sound is switched off."""

    def play(self, name: str) -> None:
        """Do nothing."""

    def set_volume(self, loudness: float) -> None:
        """Do nothing."""


class MixerAudio:
    """Effects played through ``pygame.mixer``, each synthesised the first time it plays
    (a few milliseconds then; all of them at once would hold up the first input)."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate, self.channels = rate, channels
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.loudness = 0.7
        self.set_volume(self.loudness)

    def sound(self, name: str) -> pygame.mixer.Sound:
        """Effect ``name``, made now if it has not played yet."""
        made = self.sounds.get(name)
        if made is None:
            made = pygame.mixer.Sound(buffer=_synth(EFFECTS[name], self.rate, self.channels))
            made.set_volume(FULL_VOLUME * self.loudness)
            self.sounds[name] = made
        return made

    def play(self, name: str) -> None:
        """Play effect ``name`` (nothing at all when the sound is off)."""
        if self.loudness > 0:
            self.sound(name).play()

    def set_volume(self, loudness: float) -> None:
        """Play every effect at ``loudness`` (0.0 .. 1.0) of :data:`FULL_VOLUME`."""
        self.loudness = max(0.0, min(1.0, loudness))
        for sound in self.sounds.values():
            sound.set_volume(FULL_VOLUME * self.loudness)


def _synth(notes: tuple[tuple[float, float], ...], rate: int, channels: int) -> bytes:
    """Soft sine notes with a short fade in and out, as signed 16-bit PCM."""
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(rate * seconds)
        fade = max(1, int(rate * 0.01))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = int(9000 * envelope * math.sin(2 * math.pi * frequency * i / rate))
            frames += struct.pack("<h", value) * channels
    return bytes(frames)


def open_audio() -> Audio:
    """Sound when a device answers, otherwise the silent null object."""
    try:
        pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=1)
        settings = pygame.mixer.get_init()
        if not settings or settings[1] != -16:
            return SilentAudio()
        return MixerAudio(settings[0], settings[2])
    except (pygame.error, OSError):
        return SilentAudio()
