#!/usr/bin/env python3
"""A sample 烦事有计倾 deliberation on a running host, from the complaint to the closed case.

Start the host first (README, "Run"), with an administrator:

    Deliberation__Auth__AdminEmail=admin@example.org Deliberation__Auth__AdminPassword='a long passphrase' \
      dotnet run --project src/Deliberation.Host

then, in another terminal:

    python3 samples/walkthrough.py --password 'a long passphrase'

It sets up 大龙社区 with a small roster, logs a complaint about 1栋's lift and anchors it. fanshi-youjiqing
then runs for real, on its own timers, with every timing shortened to minutes: the three households take part
directly, the lawyer and the accountant join as advisors, a meeting is polled, scheduled and held, the vote is
counted and the minutes filed. Residents "answer" by the links in their emails: this script reads the emails
the host wrote to its pickup folder (data/mail/pickup/) and posts the answer forms, exactly as a browser would.
Read every email, with its links and attachments, in the development mailbox: http://127.0.0.1:5080/dev/mailbox
It uses only Python's standard library and takes about seven minutes.
"""

import argparse
import email
import email.policy
import glob
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))
LINK = re.compile(r"https?://[^\s/]+/t/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")


class Host:
    def __init__(self, base, token):
        self.base, self.token = base.rstrip("/"), token

    def call(self, method, path, body=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        request.add_header("Accept-Language", "zh-CN")
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read().decode()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            sys.exit(f"{method} {path} answered {error.code}: {error.read().decode()}")

    def get(self, path):
        return self.call("GET", path)

    def post(self, path, body=None):
        return self.call("POST", path, body if body is not None else {})

    def put(self, path, body):
        return self.call("PUT", path, body)


def sign_in(base, address, password):
    request = urllib.request.Request(base.rstrip("/") + "/api/auth/login", method="POST",
                                     data=json.dumps({"email": address, "password": password, "useCookies": False}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())["accessToken"]
    except urllib.error.HTTPError as error:
        sys.exit(f"Sign-in failed ({error.code}). Start the host with Deliberation__Auth__AdminEmail/AdminPassword and pass them here.")
    except urllib.error.URLError:
        sys.exit(f"No host at {base}: start it first (README, 'Run').")


def step(text):
    print(f"\n[{datetime.now(BEIJING):%H:%M:%S}] {text}")


def at(minutes):
    return (datetime.now(timezone.utc) + timedelta(minutes=minutes)).replace(microsecond=0)


def wait_until(moment, why):
    seconds = (moment - datetime.now(timezone.utc)).total_seconds()
    if seconds > 0:
        print(f"    … waiting {seconds:.0f} s ({why})")
        time.sleep(seconds)


class Mailbox:
    """The pickup folder: the .eml files the host writes when no SMTP server is configured."""

    def __init__(self, folder):
        self.folder = folder

    def find(self, to, subject_part, timeout=90):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = None
            for path in sorted(glob.glob(os.path.join(self.folder, "*.eml")), key=os.path.getmtime):
                with open(path, "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=email.policy.default)
                if to in str(message["To"]) and subject_part in str(message["Subject"]):
                    found = message
            if found is not None:
                return found
            time.sleep(1)
        sys.exit(f"No email '{subject_part}' to {to} in {self.folder} within {timeout} s.")

    @staticmethod
    def links(message):
        body = message.get_body(preferencelist=("plain",)).get_content()
        return LINK.findall(body)


def answer(link, fields):
    """Posts the answer page's form, as a resident's browser does."""
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(link, data=data, method="POST")) as response:
        page = response.read().decode()
    if "已记录您的答复" not in page:
        sys.exit(f"The answer to {link} was not recorded:\n{page[:500]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="http://127.0.0.1:5080")
    parser.add_argument("--email", default="admin@example.org")
    parser.add_argument("--password", required=True)
    parser.add_argument("--pickup", default=os.path.join(os.path.dirname(__file__), "..", "data", "mail", "pickup"))
    args = parser.parse_args()

    api = Host(args.host, sign_in(args.host, args.email, args.password))
    mail = Mailbox(os.path.abspath(args.pickup))
    run = uuid.uuid4().hex[:6]

    def address(local):
        return f"{local}-{run}@example.org"

    step("Step 0 — the community: 大龙社区, precinct 东苑, building 1栋, and its roster")
    community = api.post("/api/communities", {"code": f"dalong-{run}", "name": "大龙社区"})
    c = f"/api/communities/{community['id']}"
    api.post(f"{c}/precincts", {"name": "东苑"})
    building = api.post(f"{c}/building-groups", {"precinctName": "东苑", "name": "1栋"})
    roster = ("网格,楼栋,房号,建筑面积,姓名,角色,邮箱,电话,户代表\r\n"
              f"东苑,1栋,101,60,张阿姨,居民,{address('zhang')},,是\r\n"
              f"东苑,1栋,201,80,李师傅,居民,{address('li')},,是\r\n"
              f"东苑,1栋,301,90,王老师,居民,{address('wang')},,是\r\n"
              f"东苑,1栋,,,陈楼长,楼长,{address('chen')},,\r\n"
              f",,,,钱律师,律师,{address('qian')},,\r\n"
              f",,,,孙会计,会计师,{address('sun')},,\r\n"
              f",,,,赵经理,物业,{address('zhao')},,\r\n")
    boundary = uuid.uuid4().hex
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
              "Content-Type: text/csv\r\n\r\n").encode() + roster.encode("utf-8") + f"\r\n--{boundary}--\r\n".encode()
    imported = api.call("POST", f"{c}/roster/import", raw=upload, content_type=f"multipart/form-data; boundary={boundary}")
    print(f"    roster: {imported['peopleAdded']} people, {imported['householdsAdded']} households")
    people = {p["name"]: p["id"] for p in api.get(f"{c}/people?take=200")["items"]}

    step("Step 1 — anchor the issue: the building head's complaint, anchored as a case (公示 to 陈楼长)")
    complaint = api.post(f"{c}/complaints", {
        "categoryCode": "lift", "title": "1栋老人上下楼难，申请加装电梯", "description": "1栋多位老人行动不便，每天上下楼困难。",
        "severity": 4, "urgency": 3, "reporterCount": 3, "buildingGroupIds": [building["id"]], "householdIds": []})["complaint"]
    anchored = api.post(f"{c}/complaints/{complaint['id']}/anchor", {"input": {
        "noticePeriod": "20s", "quorumCheckBefore": "2m", "meetingReminders": "3m,1m", "quietHours": "00:00-00:00",
        "actionReminderBefore": "1m", "followUpWindow": "5m"}})
    case_number, instance = anchored["complaint"]["caseNumber"], anchored["instance"]["instanceId"]
    print(f"    case {case_number}, workflow instance {instance}")
    wait_until(datetime.now(timezone.utc) + timedelta(seconds=23), "the public-notice period (公示期, 20 s here); then the stakeholders are identified")

    step("Step 2 — stakeholders: three households take part directly; the lawyer and the accountant join as advisors")
    case = api.get(f"{c}/cases?caseNumber={urllib.parse.quote(case_number)}")[0]
    for name, kind in (("钱律师", "lawyer"), ("孙会计", "accountant")):
        api.post(f"{c}/cases/{case['id']}/panel", {"personId": people[name], "role": "advisor", "partyKind": kind})
    api.put(f"{c}/cases/{case['id']}/rules", {"template": "residents-council-two-thirds"})

    step("Step 3 — convene: staff propose two times; everyone on the panel gets the time poll")
    slots = [at(6), at(8)]
    meeting = api.post(f"{c}/cases/{case['id']}/meetings", {
        "name": "1栋加装电梯协商会", "place": "社区党群服务中心会议室", "chair": "刘书记", "recorder": "小王",
        "agenda": ["介绍加装方案", "律师、会计师说明合同与费用", "表决"],
        "slots": [{"start": s.isoformat(), "end": (s + timedelta(hours=2)).isoformat()} for s in slots],
        "pollClosesAt": at(2).isoformat()})
    m = f"{c}/meetings/{meeting['id']}"
    panel = ["张阿姨", "李师傅", "王老师", "钱律师", "孙会计"]
    emails = {name: address(local) for name, local in
              (("张阿姨", "zhang"), ("李师傅", "li"), ("王老师", "wang"), ("钱律师", "qian"), ("孙会计", "sun"), ("陈楼长", "chen"),
               ("赵经理", "zhao"))}
    for name in panel:
        poll = mail.find(emails[name], "请选择会议时间")
        answer(Mailbox.links(poll)[0], [("choices", "slot-1")] + ([("choices", "slot-2")] if name == "李师傅" else []))
        print(f"    {name} answered the time poll")
    wait_until(datetime.fromisoformat(meeting["pollClosesAt"]) + timedelta(seconds=3), "the poll closes; the workflow fixes the time")

    for name in panel:
        invitation = mail.find(emails[name], "会议通知")
        answer(Mailbox.links(invitation)[0], [("choice", "yes")])
    print("    invitations (with invite.ics) answered: everyone comes")
    proposal = mail.find(emails["王老师"], "会议通知")
    answer(Mailbox.links(proposal)[1], [("comment", "电梯装在北侧\n北侧不挡一楼采光，也不占消防通道。")])
    print("    王老师 sent a proposal by link")

    view = api.get(m)
    starts = datetime.fromisoformat(view["meeting"]["startsAt"])
    wait_until(starts + timedelta(seconds=5), "reminders go out; the quorum is checked; the meeting starts")

    step("Step 4 — reach consensus: meeting mode records attendance, the proposal, points, and the vote")
    api.put(f"{m}/attendance", {"entries": [{"personId": people[n], "present": True} for n in panel]})
    proposal_id = api.get(m)["proposals"][0]["id"]
    api.post(f"{m}/proposals/{proposal_id}/discussed")
    api.post(f"{m}/points", {"text": "合同须写明工期、质保和维保责任", "personId": people["钱律师"]})
    api.post(f"{m}/points", {"text": "按楼层系数分摊，一楼不出资", "personId": people["孙会计"]})
    vote = api.post(f"{m}/votes", {"question": "是否同意在1栋北侧加装电梯", "proposalId": proposal_id})["vote"]
    for name, choice, reason in (("张阿姨", "yes", None), ("李师傅", "yes", None), ("王老师", "no", "希望先公示费用明细")):
        api.post(f"{m}/votes/{vote['id']}/ballots", {"personId": people[name], "choice": choice, "reason": reason})
    closed = api.post(f"{m}/votes/{vote['id']}/close")
    print(f"    {closed['tally']['explanationZh']}")
    api.post(f"{m}/resolutions", {"text": "在1栋北侧加装电梯一部，费用按楼层系数分摊"})
    for title, party, reporter, minutes_from_now, budget, funding in (
            ("电梯采购、安装与验收", "物业公司", "赵经理", 4, 280000, "住户按楼层系数分摊"),
            ("组织住户签订费用分摊协议", "1栋楼长", "陈楼长", 3, None, None)):
        api.post(f"{c}/cases/{case['id']}/action-items", {
            "title": title, "responsibleParty": party, "personId": people[reporter], "dueAt": at(minutes_from_now).isoformat(),
            "budget": budget, "fundingSource": funding, "meetingId": meeting["id"]})
    print("    two action items decided: 物业公司 and the building head")
    api.post(f"{m}/close", {})
    print("    minutes filed as a draft; 纪要确认: everyone present gets it by link and confirms, so it is sealed at once")
    for name in panel:
        draft = mail.find(emails[name], "请确认会议纪要")
        answer(Mailbox.links(draft)[0], {"choice": "confirm"})
    minutes = mail.find(emails["张阿姨"], "会议纪要（定稿）")
    print(f"    minutes sealed and emailed: {minutes['Subject']}")
    for record in api.get(m)["minutes"]:
        print(f"    data/archive/{record['markdownPath']}  sha256 {record['markdownSha256'][:16]}…")
    sealed = api.get(f"{m}/minutes-confirmation")["sealed"]
    print(f"    sealed PDF sha256 {sealed['pdfSha256'][:16]}…, anyone can check a copy at {sealed['verificationUrl']}")

    step("Step 5 — implement: each party reports progress and 'done' by link; the representatives are asked (回访)")
    for reporter, note in (("陈楼长", "分摊协议已全部签订"), ("赵经理", "电梯已通过验收并投入使用")):
        assignment = mail.find(emails[reporter], "请落实并汇报进展")
        boundary = uuid.uuid4().hex
        form = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                       for k, v in (("percent", "100"), ("done", "true"), ("comment", note))) + f"--{boundary}--\r\n"
        request = urllib.request.Request(Mailbox.links(assignment)[0], data=form.encode(), method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request) as response:
            if "已记录您的答复" not in response.read().decode():
                sys.exit(f"{reporter}'s report was not recorded")
        print(f"    {reporter} reported done: {note}")
    overall = api.get(f"{c}/cases/{case['id']}/action-items")["overall"]
    print(f"    progress: {overall['done']} of {overall['items']} done, {overall['percent']}%")
    for name, choice in (("张阿姨", "satisfied"), ("李师傅", "satisfied"), ("王老师", "fairly-satisfied")):
        follow_up = mail.find(emails[name], "回访")
        answer(Mailbox.links(follow_up)[0], [("choice", choice)])
        print(f"    {name} answered the follow-up")
    notice = mail.find(emails["陈楼长"], "【结案公示】")
    print(f"    case closed; the building head received: {notice['Subject']}")

    step("Done. Read every email, and the minutes, in the development mailbox:")
    print(f"    {args.host}/dev/mailbox")


if __name__ == "__main__":
    main()
