#!/usr/bin/env python3
"""Write the QQ, WeChat, bill, Telegram-HTML and e-mail fixtures in this folder (run once).

Written by hand from each format's documented layout; the story is the same one as the other
fixtures (a "part-time job" photographing the port, pay by transfer, a move to another app).
Encodings as the programs write them: GB18030 for QQ's message manager and Alipay, UTF-8 with a
BOM for WeChat Pay.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def put(rel: str, data: bytes) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


QQ_TXT = """消息记录（此消息记录为文本格式，不支持重新导入）

================================================================
消息分组:我的好友
================================================================
消息对象:张经理
================================================================

2024-03-05 14:30:12 张经理(123456789)
你好，我们公司招兼职摄影，
每天拍几张港口的照片就行。

2024-03-05 14:31:02 小刘<liu@example.com>
真的吗？报酬多少？

2024-03-05 14:32:40 张经理(123456789)
一次 2000 元，微信转账。

2024-03-06 09:15:00 张经理(123456789)
以后用 Telegram 联系，这里不安全。

================================================================
消息分组:我的好友
================================================================
消息对象:王老师
================================================================

2024-03-07 20:00:00 王老师(987654321)
有事可以随时找我。
"""

QQ_JSON = {
    "metadata": {"name": "QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter",
                 "version": "5.0.0"},
    "chatInfo": {"name": "张经理", "type": "private", "selfUid": "u_self01", "selfUin": "555000"},
    "statistics": {"totalMessages": 3},
    "messages": [
        {"id": "1", "timestamp": 1709620212000, "time": "2024-03-05 14:30:12",
         "sender": {"uid": "u_zhang", "uin": "123456789", "name": "张经理"}, "type": "type_1",
         "content": {"text": "明天下午三点到码头拍军舰", "resources": []}, "recalled": False,
         "system": False},
        {"id": "2", "timestamp": 1709620262000, "time": "2024-03-05 14:31:02",
         "sender": {"uid": "u_self01", "uin": "555000", "name": "小刘"}, "type": "type_1",
         "content": {"text": "好的", "resources": [{"type": "image", "filename": "port.jpg"}]},
         "recalled": False, "system": False},
        {"id": "3", "timestamp": 1709690100000, "time": "2024-03-06 09:55:00",
         "sender": {"uid": "u_zhang", "uin": "123456789", "name": "张经理"}, "type": "type_1",
         "content": {"text": "照片删掉，别告诉别人", "resources": []}, "recalled": True,
         "system": False},
    ],
}

WECHAT_CSV = (
    "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
    "1,7,1,0,0,1709620212,2,你好，有个兼职,2024-03-05 14:30:12,张经理,Zhang,wxid_zhang01\n"
    "2,7,1,0,1,1709620262,2,\"什么兼职？\n多少钱？\",2024-03-05 14:31:02,张经理,Zhang,\n"
    "3,7,49,2000,0,1709620400,2,\"<msg><appmsg><title>微信转账</title><wcpayinfo>"
    "<feedesc><![CDATA[￥2000.00]]></feedesc><pay_memo><![CDATA[定金]]></pay_memo>"
    "</wcpayinfo></appmsg></msg>\",2024-03-05 14:33:20,张经理,Zhang,wxid_zhang01\n"
    "4,7,3,0,0,1709690100,2,<msg><img/></msg>,2024-03-06 09:55:00,张经理,Zhang,wxid_zhang01\n"
    "5,7,10000,0,0,1709690160,2,你撤回了一条消息,2024-03-06 09:56:00,张经理,Zhang,\n"
)

WECHAT_TXT = (
    "张经理 (2024-03-05 14:30:12):你好，有个兼职\n"
    "小刘 (2024-03-05 14:31:02):什么兼职？\n"
    "多少钱？\n"
    "张经理 (2024-03-06 09:15:00):以后用 Telegram 联系\n"
)

WECHAT_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>张经理 - 微信聊天记录</title></head><body>
<div class="msg chat-left " msgid="1" msgtype="1">
  <div class="avatar-box"><img src="Portrait/a.jpg" class="avatar"></div>
  <div class="nt-box"><span class="name-left">张经理</span> 2024-03-05 14:30:12</div>
  <div class="content-box msg"><div class="triangle"></div><span class="dont-break-out">你好，有个兼职<br>拍港口照片</span></div>
</div>
<div class="msg chat-right " msgid="2" msgtype="1">
  <div class="avatar-box"><img src="Portrait/b.jpg" class="avatar"></div>
  <div class="nt-box"><span class="name-right">小刘</span> 2024-03-05 14:31:02</div>
  <div class="content-box msg"><div class="triangle"></div><span class="dont-break-out">报酬多少？</span></div>
</div>
<div class="chat-notice"><span>2024-03-06</span></div>
<div class="msg chat-left " msgid="3" msgtype="1">
  <div class="avatar-box"><img src="Portrait/a.jpg" class="avatar"></div>
  <div class="nt-box"><span class="name-left">张经理</span> 2024-03-06 09:15:00</div>
  <div class="content-box msg"><div class="triangle"></div><span class="dont-break-out">一次 2000 &amp; 报销路费</span></div>
</div>
</body></html>
"""

TG_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>
<div class="page_wrap">
 <div class="page_header"><div class="content"><div class="text bold">Director Zhang</div></div></div>
 <div class="page_body chat_page"><div class="history">
  <div class="message service" id="message-1"><div class="body details">5 March 2024</div></div>
  <div class="message default clearfix" id="message101">
   <div class="pull_left userpic_wrap"><div class="userpic userpic2" style="width: 42px; height: 42px"><div class="initials" style="line-height: 42px">DZ</div></div></div>
   <div class="body">
    <div class="pull_right date details" title="05.03.2024 14:30:12 UTC+08:00">14:30</div>
    <div class="from_name">Director Zhang </div>
    <div class="text">Photograph the ships at the port tomorrow.<br>Pay is 2000.</div>
   </div>
  </div>
  <div class="message default clearfix joined" id="message102">
   <div class="body">
    <div class="pull_right date details" title="05.03.2024 14:31:00 UTC+08:00">14:31</div>
    <div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" href="photos/photo_1@05-03-2024_14-31-00.jpg"><img class="photo" src="photos/photo_1@05-03-2024_14-31-00_thumb.jpg"/></a></div>
    <div class="text">Like this one</div>
   </div>
  </div>
  <div class="message default clearfix" id="message103">
   <div class="body">
    <div class="pull_right date details" title="05.03.2024 15:00:00 UTC+08:00">15:00</div>
    <div class="from_name">Liu</div>
    <div class="text">OK &amp; thanks</div>
   </div>
  </div>
 </div></div>
</div></body></html>
"""

WECHATPAY_PREAMBLE = [
    "微信支付账单明细", "微信昵称：[小刘]",
    "起始时间：[2024-03-01 00:00:00] 终止时间：[2024-03-31 23:59:59]", "导出类型：[全部]",
    "导出时间：[2024-04-01 10:00:00]", "", "共5笔记录", "收入：2笔 2200.00元",
    "支出：3笔 135.50元", "中性交易：0笔 0.00元", "注：",
    "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易", "",
    "----------------------微信支付账单明细列表--------------------",
]
WECHATPAY_HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式",
                    "当前状态", "交易单号", "商户单号", "备注"]
WECHATPAY_ROWS = [
    ["2024-03-05 14:33:20", "转账", "张经理", "/", "收入", "¥2,000.00", "/", "已存入零钱",
     "1000050001202403050000000001\t", "/", "定金"],
    ["2024-03-06 12:00:00", "商户消费", "校园超市", "饮料", "支出", "¥5.50", "零钱", "支付成功",
     "4200001234202403060000000002\t", "M2024030600001\t", "/"],
    ["2024-03-07 08:00:00", "微信红包（单发）", "张经理", "/", "收入", "¥200.00", "/", "已存入零钱",
     "1000039901202403070000000003\t", "/", "/"],
    ["2024-03-08 19:30:00", "转账", "王老师", "/", "支出", "¥100.00", "零钱", "对方已收钱",
     "1000050001202403080000000004\t", "/", "/"],
    ["2024-03-09 18:00:00", "扫二维码付款", "张经理", "摄影器材", "支出", "¥30.00", "招商银行(1234)",
     "支付成功", "4200001234202403090000000005\t", "M2024030900007\t", "/"],
]

ALIPAY_PREAMBLE = [
    "------------------------------------------------------------------------------------",
    "导出信息：", "姓名：刘小明", "支付宝账户：liu***@example.com",
    "起始时间：[2024-03-01 00:00:00]    终止时间：[2024-03-31 23:59:59]", "导出交易类型：[全部]",
    "导出时间：[2024-04-01 10:00:00]", "共3笔记录", "收入：1笔 500.00元", "支出：2笔 70.00元",
    "不计收支：0笔 0.00元", "", "特别提示：",
    "1.本回单内容可表明支付宝受理了此笔业务，但不代表实际资金流向。",
    "----------------------支付宝（中国）网络技术有限公司  电子客户回单----------------------",
]
ALIPAY_HEADER = ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额",
                 "收/付款方式", "交易状态", "交易订单号", "商家订单号", "备注", ""]
ALIPAY_ROWS = [
    ["2024-03-06 09:00:00", "转账红包", "李先生", "li***@163.com", "转账", "收入", "500.00", "",
     "交易成功", "20240306200040011100000000000001\t", "\t", "", ""],
    ["2024-03-06 12:30:00", "餐饮美食", "学校食堂", "ca***@school.cn", "午餐", "支出", "20.00",
     "余额宝", "交易成功", "20240306200040011100000000000002\t", "T0001\t", "", ""],
    ["2024-03-10 21:00:00", "转账红包", "李先生", "li***@163.com", "转账-还款", "支出", "50.00", "余额",
     "交易成功", "20240310200040011100000000000003\t", "\t", "", ""],
]


def csv_text(preamble: list[str], header: list[str], rows: list[list[str]], width: int) -> str:
    import csv

    out = io.StringIO()
    for line in preamble:
        out.write(line + "," * (width - 1) + "\n" if line else "," * (width - 1) + "\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def wechatpay_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in WECHATPAY_PREAMBLE:
        sheet.append([line])
    sheet.append(WECHATPAY_HEADER)
    for row in WECHATPAY_ROWS:
        sheet.append([c.strip() for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


EML = """From: =?utf-8?b?5byg57uP55CG?= <zhang@example.com>
To: Liu <liu@example.com>
Subject: =?utf-8?b?5YW86IGM5ZCI5ZCM?=
Date: Tue, 05 Mar 2024 14:40:00 +0800
Message-ID: <a1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

请签合同，照片发到这个邮箱。

--XYZ
Content-Type: image/png
Content-Disposition: attachment; filename="contract.png"
Content-Transfer-Encoding: base64

{png}
--XYZ--
""".replace("{png}", base64.b64encode(PNG).decode())

MBOX = """From zhang@example.com Tue Mar  5 06:40:00 2024
From: Director Zhang <zhang@example.com>
To: liu@example.com
Subject: Job
Date: Tue, 05 Mar 2024 14:40:00 +0800
Message-ID: <m1@example.com>

Photos of the naval base, please.
>From now on use the new account.

From liu@example.com Wed Mar  6 01:00:00 2024
From: Liu <liu@example.com>
To: zhang@example.com
Subject: Re: Job
Date: Wed, 06 Mar 2024 09:00:00 +0800
Message-ID: <m2@example.com>
Content-Type: text/html; charset=utf-8

<html><body><p>I will <b>not</b> do that.</p></body></html>
"""


def main() -> None:
    put("qq/message_manager_gb18030.txt", QQ_TXT.replace("\n", "\r\n").encode("gb18030"))
    put("qq/message_manager_bom.txt", b"\xef\xbb\xbf" + QQ_TXT.encode("utf-8"))
    put("qq/qce_v5.json", json.dumps(QQ_JSON, ensure_ascii=False, indent=1).encode("utf-8"))
    put("wechat/messages.csv", b"\xef\xbb\xbf" + WECHAT_CSV.encode("utf-8"))
    put("wechat/张经理.txt", WECHAT_TXT.encode("utf-8"))
    put("wechat/张经理.html", WECHAT_HTML.encode("utf-8"))
    put("telegram/html/messages.html", TG_HTML.encode("utf-8"))
    put("telegram/html/photos/photo_1@05-03-2024_14-31-00.jpg", PNG)
    put("bills/wechatpay.csv", b"\xef\xbb\xbf" + csv_text(
        WECHATPAY_PREAMBLE, WECHATPAY_HEADER, WECHATPAY_ROWS, 11).encode("utf-8"))
    put("bills/wechatpay.xlsx", wechatpay_xlsx())
    put("bills/alipay.csv", csv_text(ALIPAY_PREAMBLE, ALIPAY_HEADER, ALIPAY_ROWS, 13)
        .encode("gb18030"))
    put("email/contract.eml", EML.replace("\n", "\r\n").encode("utf-8"))
    put("email/job.mbox", MBOX.encode("utf-8"))


if __name__ == "__main__":
    main()
