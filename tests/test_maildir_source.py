"""The local Maildir source hands messages over in the order they were delivered."""
from __future__ import annotations

import mailbox
import os

from mailer.edges.mailbox_source import MaildirConnection, maildir_delivery_order


def test_python_maildir_names_sort_by_microsecond_not_by_string():
    # Python's mailbox writes microseconds unpadded: string order would put M999 after M1000.
    earlier = "1700000000.M999P42Q1.host"
    later = "1700000000.M1000P42Q2.host"
    assert sorted([later, earlier]) == [later, earlier]
    assert sorted([later, earlier], key=maildir_delivery_order) == [earlier, later]


def test_foreign_maildir_names_sort_by_their_second():
    names = ["1700000005.P7.mx", "1700000001.V801I2M3.mx", "garbage-name"]
    assert sorted(names, key=maildir_delivery_order) == ["garbage-name", "1700000001.V801I2M3.mx", "1700000005.P7.mx"]


def test_list_new_returns_keys_in_delivery_order_and_skips_seen(tmp_path):
    box = mailbox.Maildir(str(tmp_path / "in"), create=True)
    keys = [box.add(f"Subject: {n}\n\nbody {n}\n".encode()) for n in range(30)]
    # Rename files so that string order and delivery order disagree.
    renamed = []
    for n, key in enumerate(keys):
        new_key = f"1700000000.M{n * 50}P1Q{n}.host"
        os.rename(os.path.join(box._path, "new", key), os.path.join(box._path, "new", new_key))
        renamed.append(new_key)
    seen = mailbox.MaildirMessage(b"Subject: seen\n\n")
    seen.set_subdir("cur")
    seen.add_flag("S")
    box.add(seen)
    connection = MaildirConnection(tmp_path / "in")
    assert connection.list_new(0) == renamed
