"""Texts of the evidence package: its README (Chinese and English together), errors, results."""

from __future__ import annotations

from journal.core import i18n

i18n.register({
    "package.error.not_zip": {
        "en": "{path} is not a zip file, so it is not an evidence package. Check that you chose "
              "the right file and that it was copied completely.",
        "zh": "{path} 不是 zip 文件，所以不是证据包。请确认选对了文件，并且文件已完整复制。",
    },
    "package.error.not_bag": {
        "en": "{path} is a zip file but not an evidence package (it holds no BagIt bag with "
              "bagit.txt).",
        "zh": "{path} 是 zip 文件，但不是证据包（其中没有带 bagit.txt 的 BagIt 包）。",
    },
    "package.error.unsafe_name": {
        "en": "The package holds a file named “{name}”, which points outside the package "
              "folder. It was not unpacked or trusted. Ask the sender for a new package.",
        "zh": "证据包中有一个名为“{name}”的文件，它指向证据包文件夹之外。该文件没有被解压，也不可信。"
              "请向发送人索取一份新的证据包。",
    },
    "package.error.duplicate_name": {
        "en": "The package holds two files named “{name}”; it cannot be checked. Ask the sender "
              "for a new package.",
        "zh": "证据包中有两个名为“{name}”的文件，无法检查。请向发送人索取一份新的证据包。",
    },
    "package.error.export": {
        "en": "The package could not be made ({detail}); nothing was written.",
        "zh": "无法生成证据包（{detail}），没有写入任何文件。",
    },
    "package.size_notice": {
        "en": "The package will be about {size}.",
        "zh": "证据包大约有 {size}。",
    },
    "package.exported": {
        "en": "Wrote the evidence package {path}: {entries} {entries:entry|entries}, {files} original "
              "{files:file|files}, "
              "{size}.\nSigning key fingerprint: {fingerprint}",
        "zh": "已写入证据包 {path}：{entries} 条记录，{files} 个原始文件，{size}。\n签名密钥指纹：{fingerprint}",
    },
    "package.exported_redacted": {
        "en": "This is a masked copy: the original files were left out.",
        "zh": "这是遮盖副本：没有包含原始文件。",
    },
    "package.verify_ok": {
        "en": "The package is unchanged: {files} {files:file matches|files match}, nothing is missing or added, and "
              "the signature holds.\nSigning key fingerprint: {fingerprint}\n"
              "Audit chain head: {head} ({records} {records:record|records})",
        "zh": "证据包没有被改动：{files} 个文件全部相符，没有缺少或多出的文件，签名有效。\n"
              "签名密钥指纹：{fingerprint}\n审计链末端哈希值：{head}（共 {records} 条记录）",
    },
    "package.verify_bad": {
        "en": "The package check FAILED ({n} {n:problem|problems}). Do not rely on this package; ask for "
              "a new copy.",
        "zh": "证据包检查未通过（{n} 个问题）。请不要依赖这份证据包，请索取一份新的副本。",
    },
    "package.problem.changed": {"en": "changed: {name}", "zh": "已被改动：{name}"},
    "package.problem.missing": {"en": "missing: {name}", "zh": "缺少：{name}"},
    "package.problem.added": {"en": "added (not in any manifest): {name}",
                              "zh": "多出（不在任何清单中）：{name}"},
    "package.problem.not_covered": {
        "en": "not covered by the signed tag manifest: {name}",
        "zh": "没有被已签名的标签清单覆盖：{name}",
    },
    "package.problem.bad_signature": {
        "en": "the signature in {name} does not hold for tagmanifest-sha256.txt (one of the two "
              "was changed, or another key made it)",
        "zh": "{name} 中的签名与 tagmanifest-sha256.txt 不符（两者之一被改动过，或者是用另一个密钥签的）",
    },
    "package.problem.bad_key": {
        "en": "not a valid Ed25519 public key: {name}",
        "zh": "不是有效的 Ed25519 公钥：{name}",
    },
    "package.problem.wrong_key": {
        "en": "signed by a different key: {name} has the fingerprint {found}, not the expected "
              "{expected}",
        "zh": "由另一个密钥签名：{name} 的指纹是 {found}，而不是预期的 {expected}",
    },
    "package.problem.bad_line": {
        "en": "a line of {name} cannot be read",
        "zh": "{name} 中有一行无法读取",
    },
    "package.problem.oxum": {
        "en": "the payload size in {name} does not match the files",
        "zh": "{name} 中的内容大小与文件不符",
    },
    "package.problem.chain": {
        "en": "the audit records in {name} do not form an unbroken chain up to the head hash in "
              "bag-info.txt",
        "zh": "{name} 中的审计记录不能构成一条连续到 bag-info.txt 中末端哈希值的链",
    },
})


def size_text(n: int, lang: str) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B" if lang != "zh" else f"{n} 字节"


def readme(*, bag: str, made_at: str, made_by: str, fingerprint: str, head: str, records: int,
           entries: int, originals: int, redacted: bool, period: str, version: str) -> str:
    """README.txt: Chinese first, then English; the commands are the same for both."""
    fp_hex = fingerprint.replace(" ", "").lower()
    commands = (
        f"    cd {bag}\n"
        "    sha256sum -c tagmanifest-sha256.txt\n"
        "    sha256sum -c manifest-sha256.txt\n"
        "    openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin"
        " -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig\n"
    )
    key_command = ("    openssl pkey -pubin -in signing-key.pem -outform DER"
                   " | tail -c 32 | sha256sum\n")
    windows = (
        "    certutil -hashfile data\\report.pdf SHA256\n"
        "    certutil -hashfile bag-info.txt SHA256\n"
    )
    zh_who = made_by or "日志的保管人"
    en_who = made_by or "the keeper of the journal"
    zh_masked = (
        "\n这是一份遮盖副本：journal.json 和 report.pdf 中的账号、电话号码和电子邮件地址已被遮盖，"
        "原始文件（截图、聊天记录导出等）没有包含在内。完整的证据包需向日志的保管人索取。\n"
        if redacted else "")
    en_masked = (
        "\nThis is a masked copy: account names, phone numbers and email addresses are masked in "
        "journal.json and report.pdf, and the original files (screenshots, chat exports and so "
        "on) are left out. Ask the keeper of the journal for the full package.\n"
        if redacted else "")
    zh = f"""事件日志 · 证据包
==================

这是什么
--------
这是用“事件日志”（Incident Journal {version}）从一个加密日志中导出的证据包，用于把记录交给老师、
国家安全机关或其他办案人员。它是一个标准的 BagIt 1.0 包（RFC 8493），放在文件夹 {bag} 中：

  data/report.pdf      可阅读的报告（与导出的 PDF 报告相同）
  data/originals/      每个附件的原始文件，逐字节与日志中保存的一致（共 {originals} 个）
  data/journal.json    所选的 {entries} 条记录及其全部修改历史、人物和附件清单（含 SHA-256）
  data/audit.jsonl     日志的审计链（共 {records} 条记录）和末端哈希值
  manifest-sha256.txt  data/ 中每个文件的 SHA-256
  tagmanifest-sha256.txt      其余文件（含本说明和公钥）的 SHA-256
  signing-key.pem             这个日志的签名公钥
  tagmanifest-sha256.txt.sig  用该密钥对 tagmanifest-sha256.txt 所作的 Ed25519 签名
{zh_masked}
由谁、何时制作
--------------
制作人：{zh_who}
制作时间：{made_at}
包含的时间段：{period}
审计链末端哈希值：{head}

签名密钥指纹（公钥的 SHA-256）：
    {fingerprint}

如何检查（不需要安装本软件）
----------------------------
在 Linux 或 macOS 的终端中，解压后进入证据包文件夹，运行下面三条命令。三条都必须成功：
前两条对每个文件显示“OK”（或“成功”，取决于系统语言），第三条显示“Signature Verified Successfully”。

{commands}
任何文件中只要有一个字节被改动，相应的命令就会报错。macOS 上如果没有 sha256sum，
请用“shasum -a 256 -c”代替；签名检查需要 OpenSSL 3（macOS 可用 Homebrew 安装 openssl@3）。
也可以在同一文件夹中用美国国会图书馆（Library of Congress）的校验工具：bagit.py --validate .
装有本软件时，也可以直接检查 zip 文件：journal-cli verify-package 证据包.zip --expect-key "指纹"

确认签名来自同一个日志：下面的命令算出 signing-key.pem 的指纹（不分组、小写），应当等于上面印的指纹

    {fp_hex}

也等于同一日志的 PDF 报告“记录的完整性”一页和以前导出的证据包中的指纹。

{key_command}
Windows：在命令提示符中对每个文件运行 certutil，把得到的哈希值与清单文件中对应的一行比较，例如：

{windows}
（PowerShell 中也可以用 Get-FileHash -Algorithm SHA256 文件名。）签名检查需要 OpenSSL，
例如 Git for Windows 自带的 openssl。

签名不能证明什么
----------------
签名只能证明：自从这个日志导出本证据包以后，其中没有任何文件被改动，并且它由指纹如上的密钥签名。
它不能证明记录的内容在记录时就是真实的，不能证明截图或聊天记录本身未被伪造，
也不能证明记录者是谁。这些需要办案人员另行核实。
"""
    en = f"""Incident Journal · evidence package
====================================

What this is
------------
An evidence package exported from an encrypted journal kept with Incident Journal {version},
to hand the record to a teacher, the national security authorities or another official. It is
a standard BagIt 1.0 bag (RFC 8493) in the folder {bag}:

  data/report.pdf      the readable report (the same as the exported PDF report)
  data/originals/      every attachment's original file, byte for byte as the journal holds it
                       ({originals} files)
  data/journal.json    the {entries} selected entries with their full history of changes, the
                       people, and the list of attachments with their SHA-256
  data/audit.jsonl     the journal's audit chain ({records} records) and its head hash
  manifest-sha256.txt  the SHA-256 of every file in data/
  tagmanifest-sha256.txt      the SHA-256 of the other files (this README and the key included)
  signing-key.pem             this journal's public signing key
  tagmanifest-sha256.txt.sig  the Ed25519 signature of tagmanifest-sha256.txt made with that key
{en_masked}
Who made it and when
--------------------
Made by: {en_who}
Made at: {made_at}
Period covered: {period}
Head of the audit chain: {head}

Signing key fingerprint (SHA-256 of the public key):
    {fingerprint}

How to check it (without this app)
----------------------------------
On Linux or macOS, unzip the package, open a terminal in the package folder and run these three
commands. All three must succeed: the first two print "OK" for every file, the third prints
"Signature Verified Successfully".

{commands}
If any byte of any file was changed, the matching command reports an error. On macOS without
sha256sum, use "shasum -a 256 -c" instead; the signature check needs OpenSSL 3 (Homebrew's
openssl@3 on macOS). The Library of Congress validator works too, in the same folder:
bagit.py --validate .  With this app installed, the zip can be checked directly:
journal-cli verify-package PACKAGE.zip --expect-key "FINGERPRINT"

To confirm that the signature comes from the same journal: the command below computes the
fingerprint of signing-key.pem (without groups, in lower case). It must equal the fingerprint
printed above,

    {fp_hex}

the one on the "Integrity of this record" page of the journal's PDF report, and the one in any
earlier package from the same journal.

{key_command}
Windows: in a Command Prompt, run certutil on each file and compare the hash with the file's
line in the manifest, for example:

{windows}
(In PowerShell: Get-FileHash -Algorithm SHA256 FILE.) The signature check needs OpenSSL, for
example the openssl that comes with Git for Windows.

What the signature does not prove
---------------------------------
The signature shows only that no file changed since this journal exported the package, and that
the key with the fingerprint above signed it. It does not show that what was recorded was true
when it was recorded, that a screenshot or chat export was not forged before it was added, or
who the person keeping the journal is. Officials need to check those things separately.
"""
    return zh + "\n\n" + en
