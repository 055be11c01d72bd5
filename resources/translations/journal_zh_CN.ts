<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Incident Journal</source>
      <translation>关于事件日志</translation>
    </message>
    <message>
      <source>Incident Journal</source>
      <translation>事件日志</translation>
    </message>
    <message>
      <source>Version {version}</source>
      <translation>版本 {version}</translation>
    </message>
    <message>
      <source>A private, encrypted notebook for recording suspected recruitment attempts, offline on your own computer.</source>
      <translation>一个私密的加密记事本，用来记录可疑的拉拢、策反行为。只在你自己的电脑上使用，不联网。</translation>
    </message>
    <message>
      <source>Components</source>
      <translation>组件</translation>
    </message>
    <message>
      <source>Licences</source>
      <translation>许可协议</translation>
    </message>
    <message>
      <source>This app never connects to the internet. Your journal stays on this computer, encrypted with your passphrase.</source>
      <translation>本软件从不联网。你的日志只保存在这台电脑上，并用你的密码加密。</translation>
    </message>
    <message>
      <source>Incident Journal is free software under the GNU General Public License, version 3 or later.</source>
      <translation>事件日志是自由软件，按照 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
    </message>
    <message>
      <source>Incident Journal includes these components:</source>
      <translation>事件日志包含以下组件：</translation>
    </message>
    <message>
      <source>Licence of the bundled font (WenQuanYi Micro Hei)</source>
      <translation>内置字体（文泉驿微米黑）的许可协议</translation>
    </message>
  </context>
  <context>
    <name>AttachmentStrip</name>
    <message>
      <source>Screenshots and files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paste screenshot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paste an image copied to the clipboard (Ctrl+V)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attachments</source>
      <translation type="unfinished">附件</translation>
    </message>
    <message>
      <source>Caption of the selected file (what it shows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Caption</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drop files here or press Ctrl+V to paste a screenshot. They are stored in the journal when you save the entry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drop files here or press Ctrl+V to paste a screenshot. The original files are kept unchanged, encrypted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add screenshots or files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The clipboard holds no image. Take a screenshot or copy an image first, then paste it here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove attachment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove “%1” from this entry? It is hidden, not erased: the journal keeps it for its history.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AttachmentViewer</name>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SHA-256</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Caption</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Actual size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This kind of file cannot be shown here. Use “Save a copy…” to open it with another program; the copy is not encrypted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save a copy…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write an unencrypted copy of the original file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save a copy of the attachment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The copy was saved. It is not encrypted: delete it when you no longer need it.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CreatePage</name>
    <message>
      <source>Use at least {n} characters. A short sentence only you know is strong and easy to remember.</source>
      <translation>至少使用 {n} 个字符。一句只有你知道的短句既安全又好记。</translation>
    </message>
    <message>
      <source>Too short: at least {n} characters.</source>
      <translation>太短了:至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>Weak. Add more words.</source>
      <translation>较弱。请再加几个词。</translation>
    </message>
    <message>
      <source>Fair. A few more words make it much stronger.</source>
      <translation>一般。再加几个词会安全得多。</translation>
    </message>
    <message>
      <source>Good.</source>
      <translation>良好。</translation>
    </message>
    <message>
      <source>Strong.</source>
      <translation>很强。</translation>
    </message>
    <message>
      <source>Create a new journal</source>
      <translation>新建日志</translation>
    </message>
    <message>
      <source>&amp;Where to keep the journal file</source>
      <translation>日志文件保存位置(&amp;W)</translation>
    </message>
    <message>
      <source>Journal file location</source>
      <translation>日志文件位置</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Passphrase</source>
      <translation>密码(&amp;P)</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Repeat the passphrase</source>
      <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>&amp;Show what I type</source>
      <translation>显示输入的内容(&amp;S)</translation>
    </message>
    <message>
      <source>Passphrase strength</source>
      <translation>密码强度</translation>
    </message>
    <message>
      <source>Important: there is no way to recover a forgotten passphrase. Without it the journal cannot be opened by anyone, including you. Write it down on paper and keep it somewhere safe, away from this computer.</source>
      <translation>重要:忘记的密码无法找回。没有密码,任何人(包括你自己)都打不开这个日志。请把密码写在纸上,放在远离这台电脑的安全地方。</translation>
    </message>
    <message>
      <source>Creating and encrypting the journal…</source>
      <translation>正在创建并加密日志…</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Create &amp;journal</source>
      <translation>创建日志(&amp;J)</translation>
    </message>
  </context>
  <context>
    <name>EntryDetail</name>
    <message>
      <source>Entry details</source>
      <translation>记录详情</translation>
    </message>
    <message>
      <source>Choose an entry on the left to see everything recorded about it.</source>
      <translation>在左侧选择一条记录,即可查看它的全部内容。</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <source>Change this entry (the earlier version is kept in its history)</source>
      <translation>修改这条记录(之前的版本会保留在历史中)</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>历史(&amp;H)…</translation>
    </message>
    <message>
      <source>Every earlier version of this entry</source>
      <translation>这条记录以前的所有版本</translation>
    </message>
    <message>
      <source>&amp;Copy text</source>
      <translation>复制文字(&amp;C)</translation>
    </message>
    <message>
      <source>Copy this entry as text; the clipboard is cleared again soon</source>
      <translation>把这条记录复制为文字;剪贴板稍后会被自动清空</translation>
    </message>
    <message>
      <source>Move to &amp;trash</source>
      <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
      <source>Move this entry to the trash; it can be restored</source>
      <translation>把这条记录移到回收站;之后可以恢复</translation>
    </message>
  </context>
  <context>
    <name>EntryEditorDialog</name>
    <message>
      <source>Edit entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem with this field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One line: what happened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;People</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What they asked you to do</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>T&amp;ask asked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What or where: a port, ships, a base, a document…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Targ&amp;et or place</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stat&amp;us</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. 500 or 1200.50</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished">金额</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation type="unfinished">货币</translation>
    </message>
    <message>
      <source>A&amp;mount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not known)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid &amp;by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Direction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. a phone, a camera, a scooter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>M&amp;edium</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Who sta&amp;rted it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Reported to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Case or reference number, if you were given one</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;ference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name of the officer or teacher you spoke to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Officer or teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>App or medium, e.g. WeChat, Telegram, a job site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Where it happened, if it matters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>P&amp;lace</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What was said or done, in your own words. Write down exact words where you can.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>De&amp;tails</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Who else saw or heard it, separated by commas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wit&amp;nesses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Words to find it again, separated by commas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ta&amp;gs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the entry (Ctrl+S)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pa&amp;y offered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Estimated &amp;value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Draft kept safely in the journal at %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restored from a draft. Save to keep it in the journal.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This date is in the future. Check the date and time of what happened.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard changes?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close the editor and throw away what you typed? Choose No to keep editing.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EntryLabels</name>
    <message>
      <source>Contact</source>
      <translation>联系</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>要求</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>付款</translation>
    </message>
    <message>
      <source>Gift</source>
      <translation>礼物</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>见面</translation>
    </message>
    <message>
      <source>Threat</source>
      <translation>威胁</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>举报</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>记录于</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详细经过</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Witnesses</source>
      <translation>证人</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>货币</translation>
    </message>
    <message>
      <source>Paid by</source>
      <translation>支付方式</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Estimated value</source>
      <translation>估计价值</translation>
    </message>
    <message>
      <source>Task asked</source>
      <translation>要求做的事</translation>
    </message>
    <message>
      <source>Target or place</source>
      <translation>对象或地点</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Started by</source>
      <translation>由谁发起</translation>
    </message>
    <message>
      <source>Reported to</source>
      <translation>举报渠道</translation>
    </message>
    <message>
      <source>Reference number</source>
      <translation>受理编号</translation>
    </message>
    <message>
      <source>Officer or teacher</source>
      <translation>接待人员或老师</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Pay offered</source>
      <translation>许诺报酬</translation>
    </message>
    <message>
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Cryptocurrency</source>
      <translation>加密货币</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>收到</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>付出</translation>
    </message>
    <message>
      <source>Promised</source>
      <translation>承诺支付</translation>
    </message>
    <message>
      <source>Asked</source>
      <translation>已提出</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Partly done</source>
      <translation>部分完成</translation>
    </message>
    <message>
      <source>Chat</source>
      <translation>聊天</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Video</source>
      <translation>视频</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>当面</translation>
    </message>
    <message>
      <source>They did</source>
      <translation>对方</translation>
    </message>
    <message>
      <source>I did</source>
      <translation>我</translation>
    </message>
    <message>
      <source>12339 hotline</source>
      <translation>12339 举报电话</translation>
    </message>
    <message>
      <source>Online reporting platform</source>
      <translation>网上举报平台</translation>
    </message>
    <message>
      <source>Official WeChat account</source>
      <translation>官方微信公众号</translation>
    </message>
    <message>
      <source>Local national security office</source>
      <translation>当地国家安全机关</translation>
    </message>
    <message>
      <source>School or teacher</source>
      <translation>学校或老师</translation>
    </message>
  </context>
  <context>
    <name>HandleTable</name>
    <message>
      <source>Kind</source>
      <translation type="unfinished">类型</translation>
    </message>
    <message>
      <source>Account, number or address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add handle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove handle</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>Yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History of the entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Revisions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fields of the chosen revision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Highlighted rows changed in this revision; “Before” shows the earlier value. Nothing is ever overwritten.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>changed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import a chat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back</source>
      <translation type="unfinished">返回</translation>
    </message>
    <message>
      <source>Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import the chat history you exported from a messaging app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chats are often the best evidence. Export them from the app, then choose the file here.

• Telegram: in Telegram Desktop open the chat, choose ⋮ → Export chat history, format “Machine-readable JSON”, then choose result.json.
• WhatsApp: on the phone open the chat, choose ⋮ or the contact's name → Export chat, send the file to this computer, unzip it, then choose the .txt file.
• Another app: make a table (CSV) with the columns date, person, text.

You will see a preview before anything is added. The original file is kept in the journal, unchanged, as evidence.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recognise automatically</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Telegram (result.json)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WhatsApp (.txt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Table of messages (CSV)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the exported file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Day first (31/12/2024)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month first (12/31/2024)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year first (2024/12/31)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dates:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recognised as:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Messages:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>People in the chat:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You are:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record the other person as:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time zone of the times:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing… Please keep the window open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the exported chat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chat exports (*.json *.txt *.csv *.tsv);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This file does not look like a chat export. Choose the format above and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading the file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Something went wrong. Nothing was changed. Details are in the log file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 message(s) on %2 day(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not in this chat / I don't know</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>as named in the chat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first %1 of %2 messages, as they will be recorded:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(system)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>[forwarded from %1]</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 — will be recorded as people in the journal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This chat was imported before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The journal already holds this exact file (same SHA-256 fingerprint). Nothing was added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The chat was imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 message(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 day(s), each recorded as a contact entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 photo(s) or file(s) attached</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The original export file is kept in the journal, unchanged, as evidence.
Its SHA-256 fingerprint: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open a day in the timeline to read its messages. To record a request, payment or gift from a message, use “Make an entry from this message…”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing… %1 of %2 messages</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IntroPage</name>
    <message>
      <source>Welcome to Incident Journal</source>
      <translation>欢迎使用事件日志</translation>
    </message>
    <message>
      <source>A private notebook for when an online friend, partner or recruiter asks for things that worry you: photos of ships or bases, documents, secrecy, moving to another app. Write down each contact, request, payment and gift, keep the screenshots, see the warning signs, and make a report to take to a teacher or the authorities.</source>
      <translation>当网友、恋人或招聘者向你提出让你不安的要求时——拍摄舰船或基地、索要资料、要求保密、换用别的聊天软件——这本私密记事本可以帮你。记下每一次联系、要求、付款和礼物,保存截图,查看警示信号,并生成一份报告,交给老师或有关部门。</translation>
    </message>
    <message>
      <source>Everything stays on this computer. The app never connects to the internet.</source>
      <translation>所有内容只保存在这台电脑上。本应用从不联网。</translation>
    </message>
    <message>
      <source>Your journal is one encrypted file, opened with a passphrase that you choose.</source>
      <translation>你的日志是一个加密文件,只能用你自己设定的密码打开。</translation>
    </message>
    <message>
      <source>Nobody can recover a forgotten passphrase — not us, not anyone. Write it down and keep it somewhere safe.</source>
      <translation>忘记的密码无法找回——我们不能,任何人都不能。请把它写下来,放在安全的地方。</translation>
    </message>
    <message>
      <source>&amp;Get started</source>
      <translation>开始(&amp;G)</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Contact</source>
      <translation type="unfinished">联系</translation>
    </message>
    <message>
      <source>Request</source>
      <translation type="unfinished">要求</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation type="unfinished">付款</translation>
    </message>
    <message>
      <source>Gift</source>
      <translation type="unfinished">礼物</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation type="unfinished">见面</translation>
    </message>
    <message>
      <source>Threat or pressure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report to the authorities</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished">备注</translation>
    </message>
    <message>
      <source>Id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished">类型</translation>
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished">时间</translation>
    </message>
    <message>
      <source>How exact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recorded</source>
      <translation type="unfinished">记录于</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished">概要</translation>
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished">详细经过</translation>
    </message>
    <message>
      <source>People</source>
      <translation type="unfinished">人物</translation>
    </message>
    <message>
      <source>Channel (app)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Place</source>
      <translation type="unfinished">地点</translation>
    </message>
    <message>
      <source>Witnesses</source>
      <translation type="unfinished">证人</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation type="unfinished">标签</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished">金额</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation type="unfinished">货币</translation>
    </message>
    <message>
      <source>Paid by</source>
      <translation type="unfinished">支付方式</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation type="unfinished">方向</translation>
    </message>
    <message>
      <source>Item</source>
      <translation type="unfinished">物品</translation>
    </message>
    <message>
      <source>Estimated value</source>
      <translation type="unfinished">估计价值</translation>
    </message>
    <message>
      <source>Task asked</source>
      <translation type="unfinished">要求做的事</translation>
    </message>
    <message>
      <source>Target or place</source>
      <translation type="unfinished">对象或地点</translation>
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished">状态</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation type="unfinished">方式</translation>
    </message>
    <message>
      <source>Who started it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reported to</source>
      <translation type="unfinished">举报渠道</translation>
    </message>
    <message>
      <source>Reference number</source>
      <translation type="unfinished">受理编号</translation>
    </message>
    <message>
      <source>Officer or teacher</source>
      <translation type="unfinished">接待人员或老师</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation type="unfinished">附件</translation>
    </message>
    <message>
      <source>In the trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Asked (not answered yet)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I refused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I did it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I did part of it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WeChat Pay</source>
      <translation type="unfinished">微信支付</translation>
    </message>
    <message>
      <source>Alipay</source>
      <translation type="unfinished">支付宝</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation type="unfinished">银行转账</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation type="unfinished">现金</translation>
    </message>
    <message>
      <source>Cryptocurrency</source>
      <translation type="unfinished">加密货币</translation>
    </message>
    <message>
      <source>Other</source>
      <translation type="unfinished">其他</translation>
    </message>
    <message>
      <source>I received it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I sent it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Promised to me</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chat messages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Voice call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Video call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In person</source>
      <translation type="unfinished">当面</translation>
    </message>
    <message>
      <source>They did</source>
      <translation type="unfinished">对方</translation>
    </message>
    <message>
      <source>I did</source>
      <translation type="unfinished">我</translation>
    </message>
    <message>
      <source>12339 hotline</source>
      <translation type="unfinished">12339 举报电话</translation>
    </message>
    <message>
      <source>Online reporting platform</source>
      <translation type="unfinished">网上举报平台</translation>
    </message>
    <message>
      <source>Official WeChat account</source>
      <translation type="unfinished">官方微信公众号</translation>
    </message>
    <message>
      <source>Local national security office</source>
      <translation type="unfinished">当地国家安全机关</translation>
    </message>
    <message>
      <source>School or teacher</source>
      <translation type="unfinished">学校或老师</translation>
    </message>
    <message>
      <source>Exact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approximate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WeChat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>QQ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Telegram</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WhatsApp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Signal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LINE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edited</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moved to the trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restored</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Lock</source>
      <translation>锁定(&amp;L)</translation>
    </message>
    <message>
      <source>Lock the journal now (Ctrl+L)</source>
      <translation>立即锁定日志(Ctrl+L)</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Search</source>
      <translation>搜索(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About Incident Journal</source>
      <translation>关于事件日志(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Import chat…</source>
      <translation>导入聊天记录(&amp;I)…</translation>
    </message>
    <message>
      <source>Import a chat export (Telegram, WhatsApp, CSV)</source>
      <translation>导入导出的聊天记录(Telegram、WhatsApp、CSV)</translation>
    </message>
    <message>
      <source>&amp;Trash…</source>
      <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
      <source>Entries moved to the trash; restore them from here</source>
      <translation>已移到回收站的记录;可以在这里恢复</translation>
    </message>
    <message>
      <source>&amp;New entry</source>
      <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
      <source>Write down something that happened (Ctrl+N)</source>
      <translation>记下发生的事情(Ctrl+N)</translation>
    </message>
    <message>
      <source>&amp;Journal</source>
      <translation>日志(&amp;J)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>查看(&amp;V)</translation>
    </message>
    <message>
      <source>Incident Journal</source>
      <translation>事件日志</translation>
    </message>
    <message>
      <source>You were writing an entry that was not saved yet</source>
      <translation>你有一条正在写、尚未保存的记录</translation>
    </message>
    <message>
      <source>Continue writing it now? If you choose No, it is kept and offered again next time.</source>
      <translation>现在继续写吗?如果选择“否”,它会被保留,下次再提示你。</translation>
    </message>
    <message>
      <source>Unfinished entry</source>
      <translation>未完成的记录</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Warning signs</source>
      <translation>警示信号</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>栏目</translation>
    </message>
    <message>
      <source>1 entry</source>
      <translation>1 条记录</translation>
    </message>
    <message>
      <source>{n} entries</source>
      <translation>{n} 条记录</translation>
    </message>
    <message>
      <source>locks after {n} min without use</source>
      <translation>闲置 {n} 分钟后自动锁定</translation>
    </message>
    <message>
      <source>encrypted, stored only on this computer</source>
      <translation>已加密,只保存在这台电脑上</translation>
    </message>
  </context>
  <context>
    <name>PeopleView</name>
    <message>
      <source>Find a person…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Find a person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>People</source>
      <translation type="unfinished">人物</translation>
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Says they are</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Met on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;New person…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit person…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No people yet. Add the person who contacted you with “New person…”, or name them when you write an entry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also known as: %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PersonEditorDialog</name>
    <message>
      <source>Edit person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Other names they use, separated by commas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What they say they are, e.g. “recruiter”, “magazine editor”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The company or organisation they name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The app or website where you first met</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anything else: how they describe themselves, what does not add up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Also known as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claimed &amp;role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claimed &amp;organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;First met on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Handles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No&amp;tes</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PersonPage</name>
    <message>
      <source>Also known as:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First met on:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handles:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Money and gifts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payments, offers or gifts recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries with this person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished">时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished">类型</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished">概要</translation>
    </message>
    <message>
      <source>Says they are: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No claimed role or organisation recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Received from them:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sent to them:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Promised to me:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay offered for tasks:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gifts (estimated value):</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>Type a name or alias, then press Enter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New person…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>People in this entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a name and press Delete to remove it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 (new)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This person is added to the journal when you save</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>&amp;Lock after this many idle minutes</source>
      <translation>闲置多少分钟后锁定(&amp;L)</translation>
    </message>
    <message>
      <source>Lock after this many idle minutes</source>
      <translation>闲置多少分钟后锁定</translation>
    </message>
    <message>
      <source>Never</source>
      <translation>从不</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>&amp;Clear copied text after</source>
      <translation>复制的文字多久后清除(&amp;C)</translation>
    </message>
    <message>
      <source>Clear copied text after (seconds)</source>
      <translation>复制的文字多久后清除(秒)</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <source>These settings are kept on this computer, outside the journal. They never contain anything you wrote in the journal.</source>
      <translation>这些设置保存在这台电脑上、日志文件之外,其中绝不包含你在日志里写下的任何内容。</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>Your journal</source>
      <translation>你的日志</translation>
    </message>
    <message>
      <source>Start a new journal, or open one you already have.</source>
      <translation>新建一个日志,或打开已有的日志。</translation>
    </message>
    <message>
      <source>Unlock “{name}”</source>
      <translation>解锁“{name}”</translation>
    </message>
    <message>
      <source>&amp;Create a new journal</source>
      <translation>新建日志(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Open an existing journal…</source>
      <translation>打开已有的日志(&amp;O)…</translation>
    </message>
    <message>
      <source>Try the &amp;demo journal</source>
      <translation>试用示例日志(&amp;D)</translation>
    </message>
    <message>
      <source>The demo journal holds an invented example case so you can look around safely.</source>
      <translation>示例日志里是一个虚构的案例,你可以放心地四处看看。</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
  </context>
  <context>
    <name>TimelineView</name>
    <message>
      <source>Search names, words, places… (Ctrl+F)</source>
      <translation>搜索名字、词语、地点…(Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the journal</source>
      <translation>搜索日志</translation>
    </message>
    <message>
      <source>Show only this kind</source>
      <translation>只显示这种类型</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Show only entries about this person</source>
      <translation>只显示与此人有关的记录</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>所有人</translation>
    </message>
    <message>
      <source>&amp;From</source>
      <translation>从(&amp;F)</translation>
    </message>
    <message>
      <source>any date</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>&amp;To</source>
      <translation>到(&amp;T)</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Show &amp;all</source>
      <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
      <source>Clear the search and every filter</source>
      <translation>清除搜索和所有筛选条件</translation>
    </message>
    <message>
      <source>Entries, newest first</source>
      <translation>记录,最新的在前</translation>
    </message>
    <message>
      <source>1 entry matches</source>
      <translation>1 条记录符合</translation>
    </message>
    <message>
      <source>{n} entries match</source>
      <translation>{n} 条记录符合</translation>
    </message>
    <message>
      <source>1 entry</source>
      <translation>1 条记录</translation>
    </message>
    <message>
      <source>{n} entries</source>
      <translation>{n} 条记录</translation>
    </message>
    <message>
      <source>Nothing matches. Try other words, or press “Show all”.</source>
      <translation>没有符合的记录。换个词试试,或点“显示全部”。</translation>
    </message>
    <message>
      <source>No entries yet. Write down what happened with “New entry” — a first contact, a request, a payment, a gift. Short notes are fine.</source>
      <translation>还没有记录。用“新建记录”写下发生的事情——第一次联系、一个要求、一笔付款、一件礼物。写几句话就可以。</translation>
    </message>
    <message>
      <source>Move to trash</source>
      <translation>移到回收站</translation>
    </message>
    <message>
      <source>Move this entry to the trash? You can restore it from the trash later, and its history is kept.</source>
      <translation>把这条记录移到回收站吗?之后可以从回收站恢复,它的历史也会保留。</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <source>Trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deleted entries stay here, with their history and attachments, until you restore them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deleted entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished">时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished">类型</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished">概要</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The trash is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>UnlockPage</name>
    <message>
      <source>Unlock your journal</source>
      <translation>解锁你的日志</translation>
    </message>
    <message>
      <source>Journal file: {path}</source>
      <translation>日志文件:{path}</translation>
    </message>
    <message>
      <source>&amp;Passphrase</source>
      <translation>密码(&amp;P)</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>解锁(&amp;U)</translation>
    </message>
    <message>
      <source>This is the demo journal. Its passphrase is: {p}</source>
      <translation>这是示例日志,密码是:{p}</translation>
    </message>
    <message>
      <source>Unlocking… this takes about a second.</source>
      <translation>正在解锁…大约需要一秒钟。</translation>
    </message>
    <message>
      <source>&amp;Open another journal…</source>
      <translation>打开其他日志(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Create a new journal</source>
      <translation>新建日志(&amp;C)</translation>
    </message>
    <message>
      <source>Try the &amp;demo journal</source>
      <translation>试用示例日志(&amp;D)</translation>
    </message>
  </context>
  <context>
    <name>WelcomeScreen</name>
    <message>
      <source>Where to keep the new journal</source>
      <translation>新日志保存在哪里</translation>
    </message>
    <message>
      <source>Open a journal</source>
      <translation>打开日志</translation>
    </message>
    <message>
      <source>This file cannot be opened</source>
      <translation>无法打开这个文件</translation>
    </message>
    <message>
      <source>Preparing the demo journal…</source>
      <translation>正在准备示例日志…</translation>
    </message>
  </context>
  <context>
    <name>WhenEdit</name>
    <message>
      <source>Date and time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when you do not know the time of day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approximate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when you only know roughly when it was</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>