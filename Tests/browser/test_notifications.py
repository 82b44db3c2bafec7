"""Notifications as members get them: a planner invites to a meeting, and every member receives an e-mail through
the county's mail server (here a local SMTP server) and, where they have a login, a message in sopla."""
import email
import email.header
import re
import socket
import time

import pytest
import requests
from aiosmtpd.controller import Controller


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SMTP_PORT = free_port()


@pytest.fixture(scope="module")
def mailbox():
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield collector
    controller.stop()


def session_for(base_url, email_address, password):
    session = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base_url + "/anmelden").text).group(1)
    session.post(base_url + "/anmelden", data={"_csrf": token, "email": email_address, "password": password})
    return session


@pytest.mark.parametrize("private_server", [{"SOPLA_SMTP_HOST": "127.0.0.1", "SOPLA_SMTP_PORT": str(SMTP_PORT), "SOPLA_SMTP_FROM": "sozialplanung@demo.sopla.example"}],
                         indirect=True)
def test_an_invitation_reaches_every_member(mailbox, private_server):
    base_url = private_server
    planner = session_for(base_url, "planung@demo.sopla.example", "Bedarfe-Kennen-2026")
    form = planner.get(base_url + "/sitzungen/neu?gremium=5b0c1e2a-0100-4000-8000-000000000004").text
    token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    created = planner.post(base_url + "/sitzungen", data={"_csrf": token, "body": "5b0c1e2a-0100-4000-8000-000000000004", "name": "13. Sitzung (Test)",
                                                          "date": "2026-12-09", "startTime": "17:00", "endTime": "19:00", "location": "Kreishaus"},
                           allow_redirects=False)
    assert created.status_code == 303
    meeting = created.headers["location"].split("?")[0]
    invited = planner.post(base_url + meeting + "/status", data={"_csrf": token, "state": "invited"}, allow_redirects=False)
    assert invited.status_code == 303
    for _ in range(100):
        if len(mailbox.messages) >= 4:
            break
        time.sleep(0.1)
    recipients = sorted(r for tos, _ in mailbox.messages for r in tos)
    assert recipients == ["gremium@demo.sopla.example", "hanna.hilfe@demo.sopla.example", "klaus.kreis@demo.sopla.example", "maria.mitte@demo.sopla.example"]
    message = mailbox.messages[0][1]
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject == "Einladung: 13. Sitzung (Test)"
    assert message["From"] == "sozialplanung@demo.sopla.example"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "09.12.2026 17:00" in body and meeting in body
    # The member with a login also finds it in sopla.
    member = session_for(base_url, "gremium@demo.sopla.example", "Steuerung-Tagt-2026")
    inbox = member.get(base_url + "/konto/nachrichten").text
    assert "Einladung: 13. Sitzung (Test)" in inbox and "1 ungelesen" in inbox
