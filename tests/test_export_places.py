"""Exports to a USB stick (issue 15): sticks found by label, a file written whole under a new
name, and a stick full, read-only or pulled out said in a short message, with nothing left
behind. On a plain folder standing in for the mount, always; and on a real file system
mounted from an image under a /media-like folder, where this machine allows it (root, a loop
device, the file system's driver: the kernel's vfat, or FUSE's fusefat)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.export_places import ExportError, Place, Volumes, save_export


def test_a_plain_folder_stands_in_for_the_mounts(tmp_path: Path) -> None:
    media = tmp_path / "media"
    kingston, spaced, locked = (media / "anna" / name for name in
                                ("KINGSTON", "MY STICK", "LOCKED"))
    usb = tmp_path / "mnt" / "usb"  # mounted by hand, elsewhere: its disk says removable
    for folder in (kingston, spaced, locked, usb, tmp_path / "data"):
        folder.mkdir(parents=True)
    blocks = tmp_path / "sys-class-block"
    for disk, removable in (("sda", "0"), ("sdc", "1")):
        partition = tmp_path / "devices" / disk / f"{disk}1"
        partition.mkdir(parents=True)
        (partition / "partition").write_text("1\n")
        (partition.parent / "removable").write_text(f"{removable}\n")
        blocks.mkdir(exist_ok=True)
        (blocks / f"{disk}1").symlink_to(partition)
    mounts = tmp_path / "mounts"
    escaped = str(spaced).replace(" ", "\\040")  # as the mount table writes a space
    table = [
        f"/dev/sda1 {tmp_path / 'data'} ext4 rw,relatime 0 0",  # the fixed disk: not offered
        f"/dev/sdb1 {kingston} vfat rw,nosuid,nodev 0 0",
        f"/dev/sdd1 {escaped} exfat rw 0 0",
        f"/dev/sde1 {locked} vfat ro,nosuid 0 0",  # read-only: not offered
        f"/dev/sdc1 {usb} vfat rw 0 0",
        "proc /proc proc rw 0 0",
    ]
    mounts.write_text("\n".join(table) + "\n")
    volumes = Volumes(mounts, roots=(media,), blocks=blocks)
    assert volumes.find() == [Place(kingston, "KINGSTON"), Place(spaced, "MY STICK"),
                              Place(usb, "usb")]
    stick = volumes.find()[0]

    first = save_export(stick, "rapport", ".xlsx", b"one", volumes.still_there)
    second = save_export(stick, "rapport", ".xlsx", b"two", volumes.still_there)
    assert (first.read_bytes(), second.name) == (b"one", "rapport-2.xlsx")

    mounts.write_text("\n".join(line for line in table if "sdb1" not in line) + "\n")
    with pytest.raises(ExportError) as gone:  # pulled out: its folder stays, empty
        save_export(stick, "rapport", ".pdf", b"three", volumes.still_there)
    assert str(gone.value) == "USB stick KINGSTON is gone: was it pulled out? Nothing was saved."
    assert sorted(os.listdir(kingston)) == ["rapport-2.xlsx", "rapport.xlsx"]

    share = Place(tmp_path / "share")  # a folder the coordinator set, gone since
    with pytest.raises(ExportError) as missing:
        save_export(share, "rapport", ".csv", b"four", volumes.still_there)
    assert str(missing.value) == f"The folder {share.path} is not there. Nothing was saved."
    assert not share.path.exists()
    documents = Place(tmp_path / "documents", make=True)  # the documents folder is made
    assert save_export(documents, "rapport", ".csv", b"five", volumes.still_there).exists()


class Stick:
    """A file system image, mounted under tmp/media/anna/KINGSTON by the kernel (`-o loop`)
    or by fusefat; `mount(read_only)`, `unmount()` (pulling it out)."""

    def __init__(self, tmp_path: Path, kind: str) -> None:
        self.kind, self.image = kind, tmp_path / "stick.img"
        self.point = tmp_path / "media" / "anna" / "KINGSTON"
        self.point.mkdir(parents=True)
        self.mounted = False

    def make(self) -> None:
        with self.image.open("wb") as image:
            image.truncate(2 * 1024 * 1024)
        mkfs = ["mkfs.vfat", "-n", "KINGSTON"] if self.kind != "ext2" else \
            ["mkfs.ext2", "-q", "-L", "KINGSTON", "-m", "0"]
        _run([*mkfs, str(self.image)])

    def mount(self, read_only: bool = False) -> None:
        if self.kind == "fusefat":
            _run(["fusefat", "-o", "ro" if read_only else "rw+", str(self.image),
                  str(self.point)])
        else:
            _run(["mount", "-o", f"loop,{'ro' if read_only else 'rw'}", str(self.image),
                  str(self.point)])
        self.mounted = True

    def unmount(self) -> None:
        _run(["fusermount", "-u", str(self.point)] if self.kind == "fusefat" else
             ["umount", str(self.point)])
        self.mounted = False


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise OSError(f"{' '.join(command)}: {done.stderr.strip() or done.returncode}")


def _kernel_has(fs: str) -> bool:
    return any(line.split()[-1] == fs for line in
               Path("/proc/filesystems").read_text().splitlines() if line.strip())


def _why_not(kind: str) -> str | None:
    """Why this machine cannot mount a `kind` stick, or None when it can."""
    if os.geteuid() != 0:
        return "mounting needs root"
    tools = {"vfat": ["mkfs.vfat", "mount"], "ext2": ["mkfs.ext2", "mount"],
             "fusefat": ["mkfs.vfat", "fusefat", "fusermount"]}[kind]
    if missing := [tool for tool in tools if shutil.which(tool) is None]:
        return f"{', '.join(missing)} not installed (dosfstools, fusefat, e2fsprogs)"
    if kind == "fusefat" and not Path("/dev/fuse").exists():
        return "no /dev/fuse"
    if kind != "fusefat" and not _kernel_has(kind):
        return f"this kernel has no {kind} driver (fusefat mounts FAT instead)"
    return None


@pytest.fixture(params=["vfat", "fusefat", "ext2"])
def stick(request, tmp_path: Path) -> Iterator[Stick]:
    if reason := _why_not(request.param):
        pytest.skip(reason)
    stick = Stick(tmp_path, request.param)
    stick.make()
    try:
        stick.mount()
    except OSError as exc:  # a container without loop devices, say
        pytest.skip(f"mounting is not permitted here: {exc}")
    yield stick
    if stick.mounted:
        stick.unmount()


def test_a_real_stick(stick: Stick, tmp_path: Path) -> None:
    volumes = Volumes(roots=(tmp_path / "media",))  # this machine's own mount table
    [place] = volumes.find()
    assert place == Place(stick.point, "KINGSTON")

    first = save_export(place, "rapport", ".xlsx", b"x" * 1000, volumes.still_there)
    second = save_export(place, "rapport", ".xlsx", b"y" * 1000, volumes.still_there)
    assert (first.read_bytes(), second.name) == (b"x" * 1000, "rapport-2.xlsx")
    before = sorted(os.listdir(stick.point))

    with pytest.raises(ExportError) as full:
        save_export(place, "groot", ".pdf", b"z" * 4 * 1024 * 1024, volumes.still_there)
    assert str(full.value) == "USB stick KINGSTON is full. Nothing was saved."
    assert sorted(os.listdir(stick.point)) == before  # no half file, no temporary one

    stick.unmount()
    stick.mount(read_only=True)  # a stick locked by its switch, or remounted after errors
    with pytest.raises(ExportError) as locked:
        save_export(place, "rapport", ".csv", b"table", volumes.still_there)
    assert str(locked.value) == "USB stick KINGSTON is read-only. Nothing was saved."

    stick.unmount()  # pulled out: the empty folder it was mounted on stays
    assert volumes.find() == []
    with pytest.raises(ExportError) as gone:
        save_export(place, "rapport", ".csv", b"table", volumes.still_there)
    assert "is gone" in str(gone.value)
    assert os.listdir(stick.point) == []  # nothing written into the folder under it
