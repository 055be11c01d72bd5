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
      <translation>截图和文件</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Paste screenshot</source>
      <translation>粘贴截图</translation>
    </message>
    <message>
      <source>Paste an image copied to the clipboard (Ctrl+V)</source>
      <translation>粘贴已复制到剪贴板的图片（Ctrl+V）</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Caption of the selected file (what it shows)</source>
      <translation>所选文件的说明（内容是什么）</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Drop files here or press Ctrl+V to paste a screenshot. They are stored in the journal when you save the entry.</source>
      <translation>把文件拖到这里，或按 Ctrl+V 粘贴截图。保存记录时，它们会存入日志。</translation>
    </message>
    <message>
      <source>Drop files here or press Ctrl+V to paste a screenshot. The original files are kept unchanged, encrypted.</source>
      <translation>把文件拖到这里，或按 Ctrl+V 粘贴截图。原始文件会原样加密保存。</translation>
    </message>
    <message>
      <source>Add screenshots or files</source>
      <translation>添加截图或文件</translation>
    </message>
    <message>
      <source>The clipboard holds no image. Take a screenshot or copy an image first, then paste it here.</source>
      <translation>剪贴板里没有图片。请先截图或复制一张图片，再粘贴到这里。</translation>
    </message>
    <message>
      <source>Remove attachment</source>
      <translation>移除附件</translation>
    </message>
    <message>
      <source>Remove “%1” from this entry? It is hidden, not erased: the journal keeps it for its history.</source>
      <translation>要从这条记录中移除“%1”吗？它只会被隐藏，不会被删除：日志会为历史记录保留它。</translation>
    </message>
  </context>
  <context>
    <name>AttachmentViewer</name>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适合窗口</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Actual size</source>
      <translation>实际大小</translation>
    </message>
    <message>
      <source>This kind of file cannot be shown here. Use “Save a copy…” to open it with another program; the copy is not encrypted.</source>
      <translation>这种文件无法在这里显示。请用“另存副本…”后用其他程序打开；副本不加密。</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>另存副本…</translation>
    </message>
    <message>
      <source>Write an unencrypted copy of the original file</source>
      <translation>把原始文件另存为一份不加密的副本</translation>
    </message>
    <message>
      <source>Save a copy of the attachment</source>
      <translation>另存附件副本</translation>
    </message>
    <message>
      <source>The copy was saved. It is not encrypted: delete it when you no longer need it.</source>
      <translation>副本已保存。它没有加密：不再需要时请删除。</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <source>Restore this backup?</source>
      <translation>恢复这个备份？</translation>
    </message>
    <message>
      <source>Put the backup from {when} in place of the journal “{name}”? The current file is not deleted: it is kept beside it as “{name}.before-restore-…”.</source>
      <translation>用 {when} 的备份替换日志“{name}”吗？当前文件不会被删除，会以“{name}.before-restore-…”的名字保留在旁边。</translation>
    </message>
    <message>
      <source>Backup restored</source>
      <translation>已恢复备份</translation>
    </message>
    <message>
      <source>The journal was restored from the backup of {when}. Unlock it with the passphrase of that backup. The previous file was kept beside it.</source>
      <translation>日志已从 {when} 的备份恢复。请用那个备份的密码解锁。原来的文件保留在旁边。</translation>
    </message>
    <message>
      <source>This journal file is damaged</source>
      <translation>这个日志文件已损坏</translation>
    </message>
    <message>
      <source>This journal file is damaged or cannot be read: “{name}”.

The most recent backup is from {when}. Restore it? The damaged file is kept beside it; nothing is deleted.</source>
      <translation>这个日志文件已损坏或无法读取：“{name}”。

最近的备份是 {when} 的。要恢复它吗？损坏的文件会保留在旁边，不会删除任何东西。</translation>
    </message>
    <message>
      <source>Backups of this journal</source>
      <translation>这本日志的备份</translation>
    </message>
    <message>
      <source>Encrypted copies of “{name}”, made when the journal is locked or closed and before updates. Each opens with the passphrase the journal had when it was made.</source>
      <translation>“{name}”的加密副本，在日志锁定或关闭时以及升级前自动生成。每个备份都用它生成时日志所用的密码打开。</translation>
    </message>
    <message>
      <source>Made on</source>
      <translation>备份时间</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>There is no backup of this journal yet.</source>
      <translation>这本日志还没有备份。</translation>
    </message>
    <message>
      <source>Restore this backup…</source>
      <translation>恢复这个备份…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Backup folder: {folder}</source>
      <translation>备份文件夹：{folder}</translation>
    </message>
    <message>
      <source>on close</source>
      <translation>关闭时</translation>
    </message>
    <message>
      <source>before an update</source>
      <translation>升级前</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>手动</translation>
    </message>
  </context>
  <context>
    <name>BillPreview</name>
    <message>
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <source>Recognised as:</source>
      <translation>识别为：</translation>
    </message>
    <message>
      <source>Account:</source>
      <translation>账户：</translation>
    </message>
    <message>
      <source>Transactions:</source>
      <translation>交易：</translation>
    </message>
    <message>
      <source>To begin with, every transfer and red packet is recorded as a payment, and no shop purchase. Tick the counterparts that matter to record all of their transactions; untick one to leave it out.</source>
      <translation>开始时，所有转账和红包都会记录为付款，商店消费不记录。勾选相关的交易对方，会记录与其的全部交易；取消勾选则不记录该对方。</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Counterpart</source>
      <translation>交易对方</translation>
    </message>
    <message>
      <source>In/out</source>
      <translation>收/支</translation>
    </message>
    <message>
      <source>Amount (CNY)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>交易单号</translation>
    </message>
    <message>
      <source>(not given in the bill)</source>
      <translation>（账单中没有写明）</translation>
    </message>
    <message>
      <source>{n} {n:transaction|transactions} with {m} {m:counterpart|counterparts}</source>
      <translation>{n} 笔交易，{m} 个交易对方</translation>
    </message>
    <message>
      <source>{name} — {n} {n:transaction|transactions}, received {received}, paid {paid}</source>
      <translation>{name} —— {n} 笔交易，收入 {received}，支出 {paid}</translation>
    </message>
    <message>
      <source>{n} {n:transaction|transactions} will be recorded as payments:</source>
      <translation>将有 {n} 笔交易记录为付款：</translation>
    </message>
    <message>
      <source> (transfers or red packets: %1)</source>
      <translation>（其中转账或红包 %1 笔）</translation>
    </message>
    <message>
      <source>received</source>
      <translation>收入</translation>
    </message>
    <message>
      <source>paid</source>
      <translation>支出</translation>
    </message>
  </context>
  <context>
    <name>ChangePassphraseDialog</name>
    <message>
      <source>Change the passphrase</source>
      <translation>更改密码</translation>
    </message>
    <message>
      <source>The journal is copied under the new passphrase and then replaces the old file in one step: if anything goes wrong, the old file and the old passphrase still work.</source>
      <translation>日志会先用新密码复制一份，再一步替换旧文件：如果中途出了问题，旧文件和旧密码仍然可用。</translation>
    </message>
    <message>
      <source>&amp;Current passphrase</source>
      <translation>当前密码（&amp;C）</translation>
    </message>
    <message>
      <source>&amp;New passphrase</source>
      <translation>新密码（&amp;N）</translation>
    </message>
    <message>
      <source>&amp;Repeat the new passphrase</source>
      <translation>再次输入新密码（&amp;R）</translation>
    </message>
    <message>
      <source>Current passphrase</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Repeat the new passphrase</source>
      <translation>再次输入新密码</translation>
    </message>
    <message>
      <source>&amp;Delete earlier backups instead of re-encrypting them</source>
      <translation>删除旧备份，而不是重新加密（&amp;D）</translation>
    </message>
    <message>
      <source>Earlier backups of this journal still open with the old passphrase. They are re-encrypted with the new one, so that they keep working; tick the box to delete them instead (for example if someone learnt the old passphrase).</source>
      <translation>这个日志的旧备份仍然可以用旧密码打开。它们会用新密码重新加密，以便继续使用；如果想直接删除它们（例如旧密码已被别人知道），请勾选上面的选项。</translation>
    </message>
    <message>
      <source>C&amp;hange passphrase</source>
      <translation>更改密码（&amp;H）</translation>
    </message>
    <message>
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>ChatPreview</name>
    <message>
      <source>Day first (31/12/2024)</source>
      <translation>日在前（31/12/2024）</translation>
    </message>
    <message>
      <source>Month first (12/31/2024)</source>
      <translation>月在前（12/31/2024）</translation>
    </message>
    <message>
      <source>Year first (2024/12/31)</source>
      <translation>年在前（2024/12/31）</translation>
    </message>
    <message>
      <source>Dates:</source>
      <translation>日期顺序：</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <source>Recognised as:</source>
      <translation>识别为：</translation>
    </message>
    <message>
      <source>Messages:</source>
      <translation>消息：</translation>
    </message>
    <message>
      <source>People in the chat:</source>
      <translation>聊天中的人：</translation>
    </message>
    <message>
      <source>You are:</source>
      <translation>您是：</translation>
    </message>
    <message>
      <source>Choose your own name in this chat, so that you are not recorded as one of the people.</source>
      <translation>请选择您自己在这个聊天中的名字，以免把您自己记录为对方人物。</translation>
    </message>
    <message>
      <source>Record the other person as:</source>
      <translation>把对方记录为：</translation>
    </message>
    <message>
      <source>Time zone of the times:</source>
      <translation>时间所在的时区：</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>From</source>
      <translation>发送者</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>Chat</source>
      <translation>聊天</translation>
    </message>
    <message>
      <source>%1 (%2 pages, read in order as one chat)</source>
      <translation>%1（共 %2 页，按顺序作为同一段聊天读取）</translation>
    </message>
    <message>
      <source>{n} {n:message|messages} on {d} {d:day|days}</source>
      <translation>{n} 条消息，共 {d} 天</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Not in this chat / I don't know</source>
      <translation>不在这个聊天中 / 不确定</translation>
    </message>
    <message>
      <source>as named in the chat</source>
      <translation>沿用聊天中的名字</translation>
    </message>
    <message>
      <source>The first %1 of %2 messages, as they will be recorded:</source>
      <translation>共 %2 条消息中的前 %1 条，将按如下方式记录：</translation>
    </message>
    <message>
      <source>(system)</source>
      <translation>（系统）</translation>
    </message>
    <message>
      <source>[forwarded from %1]</source>
      <translation>[转发自 %1]</translation>
    </message>
    <message>
      <source>%1 — will be recorded as people in the journal</source>
      <translation>%1 —— 将作为人物记录在日志中</translation>
    </message>
  </context>
  <context>
    <name>ChecklistOverview</name>
    <message>
      <source>shown by your entries</source>
      <translation>记录中已出现</translation>
    </message>
    <message>
      <source>hinted at</source>
      <translation>有迹象</translation>
    </message>
    <message>
      <source>not seen so far</source>
      <translation>目前未发现</translation>
    </message>
    <message>
      <source>set aside by you</source>
      <translation>你已标为不适用</translation>
    </message>
  </context>
  <context>
    <name>CorrectLineDialog</name>
    <message>
      <source>Correct a recognised line</source>
      <translation>更正识别出的一行</translation>
    </message>
    <message>
      <source>Correct what the computer read, as the picture shows it. The picture stays the evidence; what was read is kept in the entry's history.</source>
      <translation>请按图片上的内容更正电脑识别出的文字。图片仍是证据；识别出的原文保留在这条记录的历史中。</translation>
    </message>
    <message>
      <source>Read from the picture: %1 %2: %3</source>
      <translation>从图片中识别出的原文：%1 %2：%3</translation>
    </message>
    <message>
      <source>14:35, or a date and time</source>
      <translation>14:35，或日期和时间</translation>
    </message>
    <message>
      <source>Time:</source>
      <translation>时间：</translation>
    </message>
    <message>
      <source>Who:</source>
      <translation>说话人：</translation>
    </message>
    <message>
      <source>Text:</source>
      <translation>文字：</translation>
    </message>
  </context>
  <context>
    <name>CreatePage</name>
    <message>
      <source>Create a new journal</source>
      <translation>新建日志</translation>
    </message>
    <message>
      <source>&amp;Where to keep the journal file</source>
      <translation>日志文件保存位置（&amp;W）</translation>
    </message>
    <message>
      <source>Journal file location</source>
      <translation>日志文件位置</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>浏览（&amp;B）…</translation>
    </message>
    <message>
      <source>&amp;Passphrase</source>
      <translation>密码（&amp;P）</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Repeat the passphrase</source>
      <translation>再次输入密码（&amp;R）</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>&amp;Show what I type</source>
      <translation>显示输入的内容（&amp;S）</translation>
    </message>
    <message>
      <source>Important: there is no way to recover a forgotten passphrase. Without it the journal cannot be opened by anyone, including you. Write it down on paper and keep it somewhere safe, away from this computer.</source>
      <translation>重要：忘记的密码无法找回。没有密码，任何人（包括你自己）都打不开这个日志。请把密码写在纸上，放在远离这台电脑的安全地方。</translation>
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
      <translation>创建日志（&amp;J）</translation>
    </message>
  </context>
  <context>
    <name>EditorDraftState</name>
    <message>
      <source>Draft kept safely in the journal at %1</source>
      <translation>草稿已于 %1 安全保存在日志中</translation>
    </message>
    <message>
      <source>Restored from a draft. Save to keep it in the journal.</source>
      <translation>已从草稿恢复。保存后才会存入日志。</translation>
    </message>
  </context>
  <context>
    <name>EditorKindFields</name>
    <message>
      <source>e.g. 500 or 1200.50</source>
      <translation>例如 500 或 1200.50</translation>
    </message>
    <message>
      <source>(not known)</source>
      <translation>（不清楚）</translation>
    </message>
    <message>
      <source>Edit entry</source>
      <translation>编辑记录</translation>
    </message>
    <message>
      <source>New entry</source>
      <translation>新记录</translation>
    </message>
  </context>
  <context>
    <name>EntryDetail</name>
    <message>
      <source>Entry details</source>
      <translation>记录详情</translation>
    </message>
    <message>
      <source>Choose an entry in the list to see everything recorded about it.</source>
      <translation>在列表中选择一条记录，即可查看它的全部内容。</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>编辑（&amp;E）…</translation>
    </message>
    <message>
      <source>Change this entry (the earlier version is kept in its history)</source>
      <translation>修改这条记录（之前的版本会保留在历史中）</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>历史（&amp;H）…</translation>
    </message>
    <message>
      <source>Every earlier version of this entry</source>
      <translation>这条记录以前的所有版本</translation>
    </message>
    <message>
      <source>&amp;Copy text</source>
      <translation>复制文字（&amp;C）</translation>
    </message>
    <message>
      <source>Copy this entry as text; the clipboard is cleared again soon</source>
      <translation>把这条记录复制为文字；剪贴板稍后会被自动清空</translation>
    </message>
    <message>
      <source>Move to &amp;trash</source>
      <translation>移到回收站（&amp;T）</translation>
    </message>
    <message>
      <source>Move this entry to the trash; it can be restored</source>
      <translation>把这条记录移到回收站；之后可以恢复</translation>
    </message>
  </context>
  <context>
    <name>EntryEditorDialog</name>
    <message>
      <source>Edit entry</source>
      <translation>编辑记录</translation>
    </message>
    <message>
      <source>New entry</source>
      <translation>新记录</translation>
    </message>
    <message>
      <source>Problem with this field</source>
      <translation>此项有问题</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>类型（&amp;K）</translation>
    </message>
    <message>
      <source>One line: what happened</source>
      <translation>一句话：发生了什么</translation>
    </message>
    <message>
      <source>App or medium, e.g. WeChat, Telegram, a job site</source>
      <translation>应用或方式，例如微信、Telegram、招聘网站</translation>
    </message>
    <message>
      <source>Where it happened, if it matters</source>
      <translation>发生地点（如有关系）</translation>
    </message>
    <message>
      <source>What was said or done, in your own words. Write down exact words where you can.</source>
      <translation>用自己的话写下说了什么、做了什么。能记下原话的，尽量写原话。</translation>
    </message>
    <message>
      <source>Who else saw or heard it, separated by commas</source>
      <translation>还有谁看到或听到，用逗号分隔</translation>
    </message>
    <message>
      <source>Words to find it again, separated by commas</source>
      <translation>便于以后查找的词，用逗号分隔</translation>
    </message>
    <message>
      <source>Save the entry (Ctrl+S)</source>
      <translation>保存记录（Ctrl+S）</translation>
    </message>
    <message>
      <source>This date is in the future. Check the date and time of what happened.</source>
      <translation>这个时间在将来。请检查事情发生的日期和时间。</translation>
    </message>
    <message>
      <source>An amount that was recorded cannot be left empty (the history keeps it). Write 0 if nothing was paid.</source>
      <translation>已记录的金额不能清空（历史中会保留）。如果实际没有付款，请填 0。</translation>
    </message>
    <message>
      <source>Discard changes?</source>
      <translation>放弃修改？</translation>
    </message>
    <message>
      <source>Close the editor and throw away what you typed? Choose No to keep editing.</source>
      <translation>关闭编辑器并丢弃已输入的内容吗？选“否”可继续编辑。</translation>
    </message>
  </context>
  <context>
    <name>EntryLabels</name>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>记录于</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
  </context>
  <context>
    <name>HandleTable</name>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Account, number or address</source>
      <translation>账号、号码或地址</translation>
    </message>
    <message>
      <source>Handles</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <source>Add handle</source>
      <translation>添加联系方式</translation>
    </message>
    <message>
      <source>Remove handle</source>
      <translation>删除联系方式</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>History of the entry</source>
      <translation>记录的历史</translation>
    </message>
    <message>
      <source>Revisions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Fields of the chosen revision</source>
      <translation>所选版本的内容</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <source>Highlighted rows changed in this revision; “Before” shows the earlier value. Nothing is ever overwritten.</source>
      <translation>高亮的行在这个版本中有改动；“修改前”一栏显示原来的内容。任何内容都不会被覆盖。</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>已修改</translation>
    </message>
  </context>
  <context>
    <name>ImportButtons</name>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import a chat</source>
      <translation>导入聊天记录</translation>
    </message>
    <message>
      <source>Import a chat or a bill</source>
      <translation>导入聊天记录或账单</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Recognise automatically</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <source>Import a chat you exported from a messaging app, or a payment bill</source>
      <translation>导入从聊天软件导出的聊天记录，或支付账单</translation>
    </message>
    <message>
      <source>Chats and payment bills are often the best evidence. Export them from the app, then choose the file here.

• Telegram: in Telegram Desktop open the chat, choose ⋮ → Export chat history, then choose result.json (JSON format) or messages.html (HTML format; every page of a long chat is read), or the export folder zipped.
• WhatsApp: on the phone open the chat, choose ⋮ or the contact's name → Export chat, send the file to this computer, then choose the .zip file (or the .txt file in it).
• QQ: in the message manager export a chat as .txt, or use QQChatExporter's JSON.
• WeChat: the .csv, .txt or .html file of a WeChat exporter.
• WeChat Pay or Alipay: the bill (.csv or .xlsx) you downloaded; you choose which counterparts matter, and their transactions become payments.
• E-mail: a message saved as .eml, or a mailbox as .mbox.
• Chat screenshots (.png or .jpg): their text is read on this computer; for many at once use Journal ▸ Import screenshots…
• Another app: make a table (CSV) with the columns date, person, text.

You will see a preview before anything is added. The original file is kept in the journal, unchanged, as evidence.</source>
      <translation>聊天记录和支付账单往往是最好的证据。请先从应用中导出，再在这里选择文件。

• Telegram：在 Telegram 桌面版中打开聊天，选择 ⋮ → 导出聊天记录，然后选择 result.json（JSON 格式）或 messages.html（HTML 格式；长聊天的每一页都会读取），也可以选择压缩后的导出文件夹。
• WhatsApp：在手机上打开聊天，选择 ⋮ 或联系人名称 → 导出聊天，把文件发到这台电脑，然后选择 .zip 文件（或其中的 .txt 文件）。
• QQ：在消息管理器中把聊天导出为 .txt，或使用 QQChatExporter 导出的 JSON。
• 微信：微信导出工具生成的 .csv、.txt 或 .html 文件。
• 微信支付或支付宝：您下载的账单（.csv 或 .xlsx）；由您选择哪些交易对方相关，他们的交易会记录为付款。
• 电子邮件：另存为 .eml 的邮件，或导出为 .mbox 的邮箱。
• 聊天截图（.png 或 .jpg）：在本机识别其中的文字；一次导入多张请用“日志 ▸ 导入截图…”。
• 其他应用：制作一个表格（CSV），包含日期、人、内容三列。

在添加任何内容之前，您会先看到预览。原始文件会原样保存在日志中，作为证据。</translation>
    </message>
    <message>
      <source>Telegram (result.json, messages.html or .zip)</source>
      <translation>Telegram（result.json、messages.html 或 .zip）</translation>
    </message>
    <message>
      <source>WhatsApp (.zip or .txt)</source>
      <translation>WhatsApp（.zip 或 .txt）</translation>
    </message>
    <message>
      <source>Table of messages (CSV)</source>
      <translation>消息表格（CSV）</translation>
    </message>
    <message>
      <source>QQ (.txt or QQChatExporter .json)</source>
      <translation>QQ（.txt 或 QQChatExporter 的 .json）</translation>
    </message>
    <message>
      <source>WeChat (.csv, .txt or .html)</source>
      <translation>微信（.csv、.txt 或 .html）</translation>
    </message>
    <message>
      <source>WeChat Pay bill (.csv or .xlsx)</source>
      <translation>微信支付账单（.csv 或 .xlsx）</translation>
    </message>
    <message>
      <source>Alipay bill (.csv)</source>
      <translation>支付宝账单（.csv）</translation>
    </message>
    <message>
      <source>E-mail (.eml or .mbox)</source>
      <translation>电子邮件（.eml 或 .mbox）</translation>
    </message>
    <message>
      <source>Chat screenshot (.png or .jpg)</source>
      <translation>聊天截图（.png 或 .jpg）</translation>
    </message>
    <message>
      <source>Choose the exported file…</source>
      <translation>选择导出的文件…</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>Exports, bills and screenshots (*.json *.txt *.zip *.csv *.tsv *.html *.htm *.xlsx *.eml *.mbox *.png *.jpg *.jpeg *.webp *.bmp);;All files (*)</source>
      <translation>导出文件、账单和截图 (*.json *.txt *.zip *.csv *.tsv *.html *.htm *.xlsx *.eml *.mbox *.png *.jpg *.jpeg *.webp *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
      <source>This file's format was not recognised. Choose its format in the Format list above (WeChat, QQ, Telegram, WhatsApp, a CSV table, e-mail or a bill) and try again.</source>
      <translation>无法识别这个文件的格式。请在上方的“格式”列表中选择它的格式（微信、QQ、Telegram、WhatsApp、CSV 表格、电子邮件或账单）后重试。</translation>
    </message>
    <message>
      <source>{n} {n:message|messages}</source>
      <translation>{n} 条消息</translation>
    </message>
    <message>
      <source>{n} {n:day|days}, each recorded as a contact entry</source>
      <translation>{n} 天，每天记录为一条“联系”记录</translation>
    </message>
    <message>
      <source>{n} {n:photo or file|photos or files} attached</source>
      <translation>附加了 {n} 张照片或文件</translation>
    </message>
    <message>
      <source>{n} {n:payment|payments} recorded, with {m} {m:counterpart|counterparts}</source>
      <translation>已记录 {n} 笔付款，涉及 {m} 个交易对方</translation>
    </message>
    <message>
      <source>Importing… Please keep the window open.</source>
      <translation>正在导入……请不要关闭窗口。</translation>
    </message>
    <message>
      <source>Choose the exported chat</source>
      <translation>选择导出的聊天记录</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>正在读取文件……</translation>
    </message>
    <message>
      <source>Something went wrong. Nothing was changed. Details are in the log file.</source>
      <translation>出现了问题。没有任何内容被改动。详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>This chat was imported before</source>
      <translation>这个聊天记录以前已经导入过</translation>
    </message>
    <message>
      <source>The journal already holds this exact file (same SHA-256 fingerprint). Nothing was added.</source>
      <translation>日志中已经有完全相同的文件（SHA-256 指纹相同）。没有添加任何内容。</translation>
    </message>
    <message>
      <source>The chat was imported</source>
      <translation>聊天记录已导入</translation>
    </message>
    <message>
      <source>The original export file is kept in the journal, unchanged, as evidence.
Its SHA-256 fingerprint: %1</source>
      <translation>原始导出文件已原样保存在日志中，作为证据。
它的 SHA-256 指纹：%1</translation>
    </message>
    <message>
      <source>Open a day in the timeline to read its messages. To record a request, payment or gift from a message, use “Make an entry from this message…”.</source>
      <translation>在时间线中打开某一天即可阅读当天的消息。如要把某条消息记录为请求、付款或礼物，请使用“根据这条消息新建记录…”。</translation>
    </message>
    <message>
      <source>This bill was imported before</source>
      <translation>这份账单之前已经导入过</translation>
    </message>
    <message>
      <source>The bill was imported</source>
      <translation>账单已导入</translation>
    </message>
    <message>
      <source>The original bill is kept in the journal, unchanged, as evidence.
Its SHA-256 fingerprint: %1</source>
      <translation>原始账单已原样保存在日志中，作为证据。
它的 SHA-256 指纹：%1</translation>
    </message>
    <message>
      <source>Importing… %1 of %2 payments</source>
      <translation>正在导入……%2 笔付款中的第 %1 笔</translation>
    </message>
    <message>
      <source>Importing… %1 of %2 messages</source>
      <translation>正在导入……%2 条消息中的第 %1 条</translation>
    </message>
  </context>
  <context>
    <name>IntegrityDialog</name>
    <message>
      <source>Check integrity</source>
      <translation>校验完整性</translation>
    </message>
    <message>
      <source>Checking the journal…</source>
      <translation>正在校验日志…</translation>
    </message>
    <message>
      <source>Every page, the audit chain, every entry, person and attachment are checked against what was recorded. Nothing is changed.</source>
      <translation>正在对照当初的记录，检查每一页、审计链、每条记录、每个人物和附件。校验不会改动任何内容。</translation>
    </message>
    <message>
      <source>&amp;Head hash</source>
      <translation>审计链末端哈希值（&amp;H）</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制（&amp;C）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>The check could not run</source>
      <translation>校验无法进行</translation>
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
      <translation>当网友、恋人或招聘者向你提出让你不安的要求时——拍摄舰船或基地、索要资料、要求保密、换用别的聊天软件——这本私密记事本可以帮你。记下每一次联系、要求、付款和礼物，保存截图，查看警示信号，并生成一份报告，交给老师或有关部门。</translation>
    </message>
    <message>
      <source>Everything stays on this computer. The app never connects to the internet.</source>
      <translation>所有内容只保存在这台电脑上。本应用从不联网。</translation>
    </message>
    <message>
      <source>Your journal is one encrypted file, opened with a passphrase that you choose.</source>
      <translation>你的日志是一个加密文件，只能用你自己设定的密码打开。</translation>
    </message>
    <message>
      <source>Nobody can recover a forgotten passphrase — not us, not anyone. Write it down and keep it somewhere safe.</source>
      <translation>忘记的密码无法找回——我们不能，任何人都不能。请把它写下来，放在安全的地方。</translation>
    </message>
    <message>
      <source>&amp;Get started</source>
      <translation>开始（&amp;G）</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Id</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>How exact</source>
      <translation>时间精确程度</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>记录于</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>In the trash</source>
      <translation>在回收站中</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Exact</source>
      <translation>精确</translation>
    </message>
    <message>
      <source>Date only</source>
      <translation>只知道日期</translation>
    </message>
    <message>
      <source>Month only</source>
      <translation>只知道月份</translation>
    </message>
    <message>
      <source>Approximate</source>
      <translation>大概时间</translation>
    </message>
    <message>
      <source>WeChat</source>
      <translation>微信</translation>
    </message>
    <message>
      <source>QQ</source>
      <translation>QQ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Telegram</source>
      <translation>Telegram</translation>
    </message>
    <message>
      <source>WhatsApp</source>
      <translation>WhatsApp</translation>
    </message>
    <message>
      <source>Signal</source>
      <translation>Signal</translation>
    </message>
    <message>
      <source>LINE</source>
      <translation>LINE</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Moved to the trash</source>
      <translation>移到回收站</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>已恢复</translation>
    </message>
  </context>
  <context>
    <name>PackageBox</name>
    <message>
      <source>Evidence package for an official</source>
      <translation>交给办案人员的证据包</translation>
    </message>
    <message>
      <source>One zip file with the report, every original file exactly as you added it, all entries with their history of changes and the audit chain, signed with this journal's own key. Anyone can check with standard tools that nothing in it changed afterwards; the README inside explains how, in Chinese and English. The choices above (language, period, kinds, people, masking) apply to it too; a masked package leaves the original files out.</source>
      <translation>一个 zip 文件，包含报告、与你添加时完全一致的每个原始文件、所有记录及其修改历史和审计链，并用这个日志自己的密钥签名。任何人都可以用标准工具检查其中的内容在导出后没有被改动；包内的 README 用中文和英文说明了检查方法。上面的选项（语言、时间范围、记录类型、人物、遮盖）同样适用于证据包；遮盖副本不包含原始文件。</translation>
    </message>
    <message>
      <source>This journal's signing key (fingerprint):</source>
      <translation>这个日志的签名密钥（指纹）：</translation>
    </message>
    <message>
      <source>The same fingerprint is printed on the report's integrity page and in every package from this journal, so an official can tell that they come from the same journal.</source>
      <translation>同一个指纹印在报告的完整性一页和这个日志导出的每个证据包中，办案人员据此可以判断它们来自同一个日志。</translation>
    </message>
    <message>
      <source>Export evidence package…</source>
      <translation>导出证据包…</translation>
    </message>
    <message>
      <source>Save the evidence package as</source>
      <translation>证据包另存为</translation>
    </message>
    <message>
      <source>Zip files (*.zip)</source>
      <translation>ZIP 文件 (*.zip)</translation>
    </message>
    <message>
      <source>Evidence package</source>
      <translation>证据包</translation>
    </message>
    <message>
      <source>The package will be about {size}. Make it now?</source>
      <translation>证据包大约有 {size}。现在生成吗？</translation>
    </message>
    <message>
      <source>Making the evidence package…</source>
      <translation>正在生成证据包…</translation>
    </message>
    <message>
      <source>The package was not made because the journal was locked.</source>
      <translation>日志已锁定，所以没有生成证据包。</translation>
    </message>
    <message>
      <source>The evidence package could not be made.</source>
      <translation>无法生成证据包。</translation>
    </message>
    <message>
      <source>Saved {name}: {entries} entries, {files} original files, {size}. Signing key fingerprint: {fingerprint}</source>
      <translation>已保存 {name}：{entries} 条记录，{files} 个原始文件，{size}。签名密钥指纹：{fingerprint}</translation>
    </message>
    <message>
      <source>This is a masked copy: the original files were left out.</source>
      <translation>这是遮盖副本：没有包含原始文件。</translation>
    </message>
  </context>
  <context>
    <name>PassphrasePrompt</name>
    <message>
      <source>Passphrase of the backup</source>
      <translation>备份的密码</translation>
    </message>
    <message>
      <source>Type the passphrase of the backup from {when}: the journal's passphrase at the time the backup was made.</source>
      <translation>请输入 {when} 这个备份的密码，也就是生成备份时日志所用的密码。</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
  </context>
  <context>
    <name>PassphraseStrength</name>
    <message>
      <source>Passphrase strength</source>
      <translation>密码强度</translation>
    </message>
    <message>
      <source>Use at least {n} characters. A short sentence only you know is strong and easy to remember.</source>
      <translation>至少使用 {n} 个字符。一句只有你知道的短句既安全又好记。</translation>
    </message>
    <message>
      <source>Too short: at least {n} characters.</source>
      <translation>太短了：至少需要 {n} 个字符。</translation>
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
  </context>
  <context>
    <name>PeopleView</name>
    <message>
      <source>Find a person…</source>
      <translation>查找人物…</translation>
    </message>
    <message>
      <source>Find a person</source>
      <translation>查找人物</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Says they are</source>
      <translation>自称身份</translation>
    </message>
    <message>
      <source>Met on</source>
      <translation>认识途径</translation>
    </message>
    <message>
      <source>&amp;New person…</source>
      <translation>新建人物（&amp;N）…</translation>
    </message>
    <message>
      <source>&amp;Edit person…</source>
      <translation>编辑人物（&amp;E）…</translation>
    </message>
    <message>
      <source>No people yet. Add the person who contacted you with “New person…”, or name them when you write an entry.</source>
      <translation>还没有人物。可以用“新建人物…”添加联系你的人，也可以在写记录时直接填写名字。</translation>
    </message>
    <message>
      <source>Also known as: %1</source>
      <translation>别名：%1</translation>
    </message>
  </context>
  <context>
    <name>PersonEditorDialog</name>
    <message>
      <source>Edit person</source>
      <translation>编辑人物</translation>
    </message>
    <message>
      <source>New person</source>
      <translation>新建人物</translation>
    </message>
    <message>
      <source>Other names they use, separated by commas</source>
      <translation>对方用过的其他名字，用逗号分隔</translation>
    </message>
    <message>
      <source>What they say they are, e.g. “recruiter”, “magazine editor”</source>
      <translation>对方自称的身份，例如“招聘人员”“杂志编辑”</translation>
    </message>
    <message>
      <source>The company or organisation they name</source>
      <translation>对方说的公司或机构</translation>
    </message>
    <message>
      <source>The app or website where you first met</source>
      <translation>第一次认识时用的应用或网站</translation>
    </message>
    <message>
      <source>Anything else: how they describe themselves, what does not add up</source>
      <translation>其他情况：对方怎样介绍自己，哪里说不通</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>名称（&amp;N）</translation>
    </message>
    <message>
      <source>&amp;Also known as</source>
      <translation>别名（&amp;A）</translation>
    </message>
    <message>
      <source>Claimed &amp;role</source>
      <translation>自称职务（&amp;R）</translation>
    </message>
    <message>
      <source>Claimed &amp;organisation</source>
      <translation>自称单位（&amp;O）</translation>
    </message>
    <message>
      <source>&amp;First met on</source>
      <translation>认识途径（&amp;F）</translation>
    </message>
    <message>
      <source>&amp;Handles</source>
      <translation>联系方式（&amp;H）</translation>
    </message>
    <message>
      <source>No&amp;tes</source>
      <translation>备注（&amp;T）</translation>
    </message>
  </context>
  <context>
    <name>PersonPage</name>
    <message>
      <source>Also known as:</source>
      <translation>别名：</translation>
    </message>
    <message>
      <source>First met on:</source>
      <translation>认识途径：</translation>
    </message>
    <message>
      <source>Handles:</source>
      <translation>联系方式：</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>备注：</translation>
    </message>
    <message>
      <source>Money and gifts</source>
      <translation>钱款和礼物</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>No payments, offers or gifts recorded.</source>
      <translation>没有记录付款、报酬许诺或礼物。</translation>
    </message>
    <message>
      <source>Entries with this person</source>
      <translation>与此人有关的记录</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Choose a person on the left to see what they claim, every entry with them, and the money and gifts involved.</source>
      <translation>在左侧选择一个人物，可以查看对方自称的身份、与其有关的每条记录，以及涉及的钱款和礼物。</translation>
    </message>
    <message>
      <source>Says they are: %1</source>
      <translation>自称：%1</translation>
    </message>
    <message>
      <source>No claimed role or organisation recorded.</source>
      <translation>没有记录对方自称的职务或单位。</translation>
    </message>
    <message>
      <source>Entries (%1, the newest %2 shown here; all are in the timeline)</source>
      <translation>记录（共 %1 条，这里显示最新的 %2 条；全部记录都在时间线中）</translation>
    </message>
    <message>
      <source>Entries (%1)</source>
      <translation>记录（%1 条）</translation>
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>Type a name or alias, then press Enter</source>
      <translation>输入名字或别名，然后按回车</translation>
    </message>
    <message>
      <source>Add a person</source>
      <translation>添加人物</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>New person…</source>
      <translation>新建人物…</translation>
    </message>
    <message>
      <source>People in this entry</source>
      <translation>这条记录涉及的人物</translation>
    </message>
    <message>
      <source>Select a name and press Delete to remove it</source>
      <translation>选中名字后按 Delete 键可移除</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>%1 (new)</source>
      <translation>%1（新）</translation>
    </message>
    <message>
      <source>This person is added to the journal when you save</source>
      <translation>保存记录时会把此人加入日志</translation>
    </message>
  </context>
  <context>
    <name>ReportBox</name>
    <message>
      <source>How to report</source>
      <translation>如何举报</translation>
    </message>
    <message>
      <source>If something worries you: stop the tasks quietly, do not confront the person, do not delete chats, keep the evidence, accept no more money or gifts, and talk to a teacher. Reporting is safe, and a teacher can go with you.</source>
      <translation>如果有什么让你担心：悄悄停止任务，不要质问对方，不要删除聊天记录，保留证据，不再接受任何钱款或礼物，并告诉老师。举报是安全的，老师可以陪你一起去。</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <source>Make a PDF of what you recorded, to take to a teacher or to the national security office, or to attach to an online report. It lists the warning signs, the people, every event in order, the money and gifts, your pictures and where to report.</source>
      <translation>把你记录的内容生成一份 PDF，可以带给老师或国家安全机关，也可以附在网上举报中。报告列出警示信号、涉及人物、按时间排列的每件事、钱款和礼物、你的图片，以及举报渠道。</translation>
    </message>
    <message>
      <source>What goes into the report</source>
      <translation>报告包含的内容</translation>
    </message>
    <message>
      <source>Language of the report</source>
      <translation>报告语言</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>时间范围</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>到</translation>
    </message>
    <message>
      <source>Kinds of entries</source>
      <translation>记录类型</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Show pictures (every file is listed either way)</source>
      <translation>显示图片（无论是否显示，所有文件都会列出）</translation>
    </message>
    <message>
      <source>Mask account names, phone numbers and email addresses</source>
      <translation>遮盖账号、电话号码和电子邮箱</translation>
    </message>
    <message>
      <source>For a copy shown to someone who does not need them. Pictures are then left out, because they may show such details.</source>
      <translation>用于给不需要这些信息的人看的版本。此时不显示图片，因为图片中可能含有这些信息。</translation>
    </message>
    <message>
      <source>Who prepared it and protection</source>
      <translation>整理人与密码保护</translation>
    </message>
    <message>
      <source>Prepared by (optional)</source>
      <translation>整理人（可不填）</translation>
    </message>
    <message>
      <source>Protect the PDF with a password</source>
      <translation>为 PDF 设置密码</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Tell the password to the person who reads the report in person, not in the same message as the file.</source>
      <translation>请当面把密码告诉阅读报告的人，不要和文件放在同一条消息里发送。</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Copy summary text</source>
      <translation>复制文字摘要</translation>
    </message>
    <message>
      <source>Open the folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <source>tick at least one person</source>
      <translation>请至少勾选一个人物</translation>
    </message>
    <message>
      <source>tick at least one kind of entry</source>
      <translation>请至少勾选一种记录类型</translation>
    </message>
    <message>
      <source>Save the report as</source>
      <translation>报告另存为</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Making the report…</source>
      <translation>正在生成报告…</translation>
    </message>
    <message>
      <source>Saved {name}: {pages} {pages:page|pages}, {entries} {entries:entry|entries}, {files} {files:file|files}.</source>
      <translation>已保存 {name}：共 {pages} 页，{entries} 条记录，{files} 个文件。</translation>
    </message>
    <message>
      <source>The export was stopped because the journal was locked.</source>
      <translation>日志已锁定，导出已停止。</translation>
    </message>
    <message>
      <source>The report could not be made.</source>
      <translation>无法生成报告。</translation>
    </message>
    <message>
      <source>It opens only with the password.</source>
      <translation>打开时需要输入密码。</translation>
    </message>
    <message>
      <source>Some pictures could not be read and are only listed.</source>
      <translation>有些图片无法读取，仅在清单中列出。</translation>
    </message>
    <message>
      <source>The summary ({n} characters) is on the clipboard. Paste it into the report form; it is cleared from the clipboard after a short while.</source>
      <translation>摘要（{n} 个字）已复制到剪贴板。请粘贴到举报表格中；稍后剪贴板会被自动清空。</translation>
    </message>
  </context>
  <context>
    <name>ScreenshotImportDialog</name>
    <message>
      <source>Import chat screenshots</source>
      <translation>导入聊天截图</translation>
    </message>
    <message>
      <source>Read the text of chat screenshots on this computer</source>
      <translation>在本机读取聊天截图中的文字</translation>
    </message>
    <message>
      <source>Choose screenshots of one or more chats (WeChat, QQ, Telegram and similar apps). Their text is recognised here, without the internet: the other side's messages on the left, yours on the right, with the times shown in the chat.

You will check what was read before anything is saved. The pictures themselves are kept in the journal, unchanged, as the evidence; the recognised text can contain mistakes.</source>
      <translation>选择一个或多个聊天的截图（微信、QQ、Telegram 等应用）。文字在本机识别，不需要联网：左边是对方的消息，右边是你的消息，时间取自聊天中显示的时间。

保存之前，你会先核对识别结果。截图本身原样保存在日志中作为证据；识别出的文字可能有错误。</translation>
    </message>
    <message>
      <source>Choose screenshots…</source>
      <translation>选择截图…</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>发送者</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>as read from the chat's header</source>
      <translation>按聊天标题识别的名字</translation>
    </message>
    <message>
      <source>The other side is, in this journal:</source>
      <translation>对方在本日志中的名字：</translation>
    </message>
    <message>
      <source>Choose chat screenshots</source>
      <translation>选择聊天截图</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>图片</translation>
    </message>
    <message>
      <source>Reading the screenshots…</source>
      <translation>正在读取截图……</translation>
    </message>
    <message>
      <source>Reading screenshot {n} of {total}…</source>
      <translation>正在读取第 {n} 张截图，共 {total} 张……</translation>
    </message>
    <message>
      <source>{n} {n:screenshot|screenshots} read, {m} {m:message|messages}. Check the text against each picture.</source>
      <translation>已读取 {n} 张截图，共 {m} 条消息。请对照每张图片核对文字。</translation>
    </message>
    <message>
      <source>{d} were imported before and are left out.</source>
      <translation>其中 {d} 张之前已导入，将略过。</translation>
    </message>
    <message>
      <source>{name} (imported before)</source>
      <translation>{name}（之前已导入）</translation>
    </message>
    <message>
      <source>Imported before; it will not be added again.</source>
      <translation>之前已导入，不会再次添加。</translation>
    </message>
    <message>
      <source>Saving the screenshots and their text…</source>
      <translation>正在保存截图及其文字……</translation>
    </message>
    <message>
      <source>Imported {pictures} screenshots: {messages} messages in {entries} entries. The pictures are kept with their recognised text.</source>
      <translation>已导入 {pictures} 张截图：{messages} 条消息，生成 {entries} 条记录。截图与识别出的文字一起保存。</translation>
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
      <translation>语言（&amp;L）</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Lock after this many &amp;idle minutes</source>
      <translation>闲置多少分钟后锁定（&amp;I）</translation>
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
      <translation>复制的文字多久后清除（&amp;C）</translation>
    </message>
    <message>
      <source>Clear copied text after (seconds)</source>
      <translation>复制的文字多久后清除（秒）</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <source>&amp;Backup folder</source>
      <translation>备份文件夹（&amp;B）</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>&amp;Keep this many backups</source>
      <translation>保留的备份数量（&amp;K）</translation>
    </message>
    <message>
      <source>Keep this many backups</source>
      <translation>保留的备份数量</translation>
    </message>
    <message>
      <source>Make an encrypted backup when the journal locks or the app closes</source>
      <translation>日志锁定或程序关闭时自动生成加密备份</translation>
    </message>
    <message>
      <source>These settings are kept on this computer, outside the journal. They never contain anything you wrote in the journal.</source>
      <translation>这些设置保存在这台电脑上、日志文件之外，其中绝不包含你在日志里写下的任何内容。</translation>
    </message>
    <message>
      <source>Folder for the encrypted backups</source>
      <translation>存放加密备份的文件夹</translation>
    </message>
  </context>
  <context>
    <name>ShellActions</name>
    <message>
      <source>&amp;Lock</source>
      <translation>锁定（&amp;L）</translation>
    </message>
    <message>
      <source>Lock the journal now (Ctrl+L)</source>
      <translation>立即锁定日志（Ctrl+L）</translation>
    </message>
    <message>
      <source>Settin&amp;gs…</source>
      <translation>设置（&amp;G）…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出（&amp;Q）</translation>
    </message>
    <message>
      <source>S&amp;earch</source>
      <translation>搜索（&amp;E）</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助（&amp;H）</translation>
    </message>
    <message>
      <source>&amp;About Incident Journal</source>
      <translation>关于事件日志（&amp;A）</translation>
    </message>
    <message>
      <source>&amp;Import chat or bill…</source>
      <translation>导入聊天记录或账单（&amp;I）…</translation>
    </message>
    <message>
      <source>Import a chat export (Telegram, WhatsApp, QQ, WeChat, e-mail, CSV) or a WeChat Pay or Alipay bill</source>
      <translation>导入导出的聊天记录（Telegram、WhatsApp、QQ、微信、电子邮件、CSV）或微信支付、支付宝账单</translation>
    </message>
    <message>
      <source>Import &amp;screenshots…</source>
      <translation>导入截图（&amp;S）…</translation>
    </message>
    <message>
      <source>Read chat screenshots on this computer and add them as conversations</source>
      <translation>在本机识别聊天截图中的文字，并作为对话加入日志</translation>
    </message>
    <message>
      <source>&amp;Trash…</source>
      <translation>回收站（&amp;T）…</translation>
    </message>
    <message>
      <source>&amp;Backups of this journal…</source>
      <translation>这个日志的备份（&amp;B）…</translation>
    </message>
    <message>
      <source>Restore an earlier copy (available while locked)</source>
      <translation>恢复较早的副本（锁定时可用）</translation>
    </message>
    <message>
      <source>Entries moved to the trash; restore them from here</source>
      <translation>已移到回收站的记录；可以在这里恢复</translation>
    </message>
    <message>
      <source>Change &amp;passphrase…</source>
      <translation>更改密码…（&amp;P）</translation>
    </message>
    <message>
      <source>&amp;Check integrity…</source>
      <translation>校验完整性…（&amp;C）</translation>
    </message>
    <message>
      <source>Check that nothing recorded was removed or changed</source>
      <translation>检查记下的内容有没有被删除或改动</translation>
    </message>
    <message>
      <source>&amp;New entry</source>
      <translation>新建记录（&amp;N）</translation>
    </message>
    <message>
      <source>Write down something that happened (Ctrl+N)</source>
      <translation>记下发生的事情（Ctrl+N）</translation>
    </message>
    <message>
      <source>Demo journal — an invented example to look around in. When you are ready, lock it (Ctrl+L) and create or open your own journal.</source>
      <translation>示例日志——一个虚构的案例，供你随意查看。准备好以后，请锁定它（Ctrl+L），再新建或打开你自己的日志。</translation>
    </message>
    <message>
      <source>&amp;Journal</source>
      <translation>日志（&amp;J）</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>查看（&amp;V）</translation>
    </message>
    <message>
      <source>Incident Journal</source>
      <translation>事件日志</translation>
    </message>
  </context>
  <context>
    <name>ShellCommands</name>
    <message>
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Choose a journal first; its backups are listed here then.</source>
      <translation>请先选择一个日志，随后会在这里列出它的备份。</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
  </context>
  <context>
    <name>ShellDrafts</name>
    <message>
      <source>You were writing an entry that was not saved yet</source>
      <translation>你有一条正在写、尚未保存的记录</translation>
    </message>
    <message>
      <source>Continue writing it now? If you choose No, it is kept and offered again next time.</source>
      <translation>现在继续写吗？如果选择“否”，它会被保留，下次再提示你。</translation>
    </message>
    <message>
      <source>Unfinished entry</source>
      <translation>未完成的记录</translation>
    </message>
  </context>
  <context>
    <name>ShellNavigation</name>
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
      <translation>已加密，只保存在这台电脑上</translation>
    </message>
  </context>
  <context>
    <name>ShellReadOnly</name>
    <message>
      <source>Read-only: this journal file is damaged, so nothing will be written to it. You can still read and export it. To go on writing, lock the window and restore a backup (Journal ▸ Backups of this journal…).</source>
      <translation>只读：这个日志文件已损坏，因此不会再向其中写入任何内容。仍然可以阅读和导出。如需继续记录，请锁定窗口并恢复一份备份（日志 ▸ 这个日志的备份…）。</translation>
    </message>
    <message>
      <source>Read-only: this journal is open in another window or program. You can read and export it here; to change it, close it there and unlock it again.</source>
      <translation>只读：这个日志已在另一个窗口或程序中打开。在这里可以阅读和导出；如需修改，请先在那里关闭它，再重新解锁。</translation>
    </message>
    <message>
      <source>Read-only: this journal file or its folder cannot be written (for example a read-only copy or disc). You can read and export it; copy it to a folder you can write to in order to change it.</source>
      <translation>只读：这个日志文件或其所在文件夹不可写入（例如只读副本或光盘）。可以阅读和导出；如需修改，请把它复制到一个可以写入的文件夹。</translation>
    </message>
    <message>
      <source>This journal file is damaged</source>
      <translation>这个日志文件已损坏</translation>
    </message>
    <message>
      <source>Some pages of this journal file fail their check, so nothing will be written to it; it stays open read-only.

Lock it now and restore the most recent backup?</source>
      <translation>这个日志文件中有部分页面未通过校验，因此不会再向其中写入任何内容；它将保持只读打开。

现在锁定并恢复最近的一份备份吗？</translation>
    </message>
  </context>
  <context>
    <name>SignCard</name>
    <message>
      <source>Set aside by you</source>
      <translation>你已标为不适用</translation>
    </message>
    <message>
      <source>You judged that this does not fit your situation. It is not counted and the PDF report lists it apart.</source>
      <translation>你判断这一条不符合你的情况。它不再计入，PDF 报告会把它单独列出。</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>已出现</translation>
    </message>
    <message>
      <source>Possible</source>
      <translation>有迹象</translation>
    </message>
    <message>
      <source>Your entries clearly show this pattern.</source>
      <translation>你的记录清楚地显示了这种手法。</translation>
    </message>
    <message>
      <source>Your entries only hint at this pattern.</source>
      <translation>你的记录只是隐约提示了这种手法。</translation>
    </message>
    <message>
      <source>You set this aside: “%1”</source>
      <translation>你已标为不适用，理由：“%1”</translation>
    </message>
    <message>
      <source>Why it shows</source>
      <translation>为什么会显示</translation>
    </message>
    <message>
      <source>What to do</source>
      <translation>应该怎么做</translation>
    </message>
    <message>
      <source>Entries that show it:</source>
      <translation>相关记录：</translation>
    </message>
    <message>
      <source>Open this entry</source>
      <translation>打开这条记录</translation>
    </message>
    <message>
      <source>… and %1 more entries (the PDF report lists them all).</source>
      <translation>……另外还有 %1 条记录（PDF 报告中会全部列出）。</translation>
    </message>
    <message>
      <source>Count it again</source>
      <translation>重新计入</translation>
    </message>
    <message>
      <source>Not this…</source>
      <translation>不适用……</translation>
    </message>
    <message>
      <source>If you are sure this does not fit your situation, set it aside with a short reason.</source>
      <translation>如果你确定这一条不符合你的情况，可以写一句简短的理由，把它标为不适用。</translation>
    </message>
    <message>
      <source>Why does this not fit? (a few words)</source>
      <translation>为什么不适用？（简单写几句）</translation>
    </message>
    <message>
      <source>Set aside</source>
      <translation>标为不适用</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>This journal is open read-only, so nothing can be set aside or counted again here.</source>
      <translation>这个日志以只读方式打开，这里不能把信号标为不适用，也不能重新计入。</translation>
    </message>
  </context>
  <context>
    <name>SignsView</name>
    <message>
      <source>Checking your entries for warning signs…</source>
      <translation>正在根据你的记录检查警示信号……</translation>
    </message>
    <message>
      <source>Updating what each entry contributes to the warning signs (once, after an update of the program): %1 of %2 entries…</source>
      <translation>正在更新每条记录的警示信号数据（程序更新后只需一次）：已完成 %1 / %2 条记录……</translation>
    </message>
    <message>
      <source>%1 shown by your entries, %2 hinted at.</source>
      <translation>记录中已出现 %1 项，有迹象 %2 项。</translation>
    </message>
    <message>
      <source>%1 shown by your entries.</source>
      <translation>记录中已出现 %1 项。</translation>
    </message>
    <message>
      <source>None clearly shown; %2 hinted at.</source>
      <translation>没有明确出现的信号；有迹象 %2 项。</translation>
    </message>
    <message>
      <source>Warning signs</source>
      <translation>警示信号</translation>
    </message>
    <message>
      <source>This is a checklist of known recruitment patterns, compared with your own entries. It is not a verdict about anyone: it shows what to look at and what you can do.</source>
      <translation>这是一份已知招募手法的清单，与你自己的记录进行对照。它不是对任何人的定论，只是提示你需要注意什么、可以怎么做。</translation>
    </message>
    <message>
      <source>No warning signs found in your entries so far.</source>
      <translation>目前在你的记录中没有发现警示信号。</translation>
    </message>
    <message>
      <source>Shown by your entries</source>
      <translation>记录中已出现的信号</translation>
    </message>
    <message>
      <source>Hinted at — worth keeping an eye on</source>
      <translation>有迹象，值得留意</translation>
    </message>
    <message>
      <source>Set aside by you — not counted</source>
      <translation>你已标为不适用的信号（不计入）</translation>
    </message>
    <message>
      <source>This journal is open read-only: you can read the signs, but not set one aside or count it again. The bar at the top of the window says why.</source>
      <translation>这个日志以只读方式打开：你可以查看警示信号，但不能标为不适用或重新计入。原因见窗口顶部的提示栏。</translation>
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
      <translation>新建一个日志，或打开已有的日志。</translation>
    </message>
    <message>
      <source>&amp;Recent journals</source>
      <translation>最近打开的日志（&amp;R）</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>日志</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Last opened</source>
      <translation>上次打开</translation>
    </message>
    <message>
      <source>&amp;Unlock the chosen journal</source>
      <translation>解锁选中的日志（&amp;U）</translation>
    </message>
    <message>
      <source>&amp;Forget this one</source>
      <translation>从列表中移除（&amp;F）</translation>
    </message>
    <message>
      <source>Takes the journal off this list. The file itself is not touched.</source>
      <translation>只是把这个日志从列表中移除，文件本身不会被改动。</translation>
    </message>
    <message>
      <source>Unlock “{name}”</source>
      <translation>解锁“{name}”</translation>
    </message>
    <message>
      <source>&amp;Create a new journal</source>
      <translation>新建日志（&amp;C）</translation>
    </message>
    <message>
      <source>&amp;Open an existing journal…</source>
      <translation>打开已有的日志（&amp;O）…</translation>
    </message>
    <message>
      <source>Try the &amp;demo journal</source>
      <translation>试用示例日志（&amp;D）</translation>
    </message>
    <message>
      <source>The demo journal holds an invented example case so you can look around safely.</source>
      <translation>示例日志里是一个虚构的案例，你可以放心地四处看看。</translation>
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
      <translation>搜索名字、词语、地点…（Ctrl+F）</translation>
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
      <translation>从（&amp;F）</translation>
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
      <translation>到（&amp;T）</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Show &amp;all</source>
      <translation>显示全部（&amp;A）</translation>
    </message>
    <message>
      <source>Clear the search and every filter</source>
      <translation>清除搜索和所有筛选条件</translation>
    </message>
    <message>
      <source>Entries, newest first</source>
      <translation>记录，最新的在前</translation>
    </message>
    <message>
      <source>Write the &amp;first entry…</source>
      <translation>写下第一条记录（&amp;F）…</translation>
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
      <translation>没有符合的记录。换个词试试，或点“显示全部”。</translation>
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
      <translation>把这条记录移到回收站吗？之后可以从回收站恢复，它的历史也会保留。</translation>
    </message>
  </context>
  <context>
    <name>TranscriptView</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>From</source>
      <translation>发送者</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>Make an entry from this message…</source>
      <translation>根据这条消息新建记录…</translation>
    </message>
    <message>
      <source>Choose a message, then record it as a request, payment, gift…</source>
      <translation>选择一条消息，把它记录为请求、付款、礼物等。</translation>
    </message>
    <message>
      <source>Correct this line…</source>
      <translation>更正这一行…</translation>
    </message>
    <message>
      <source>Correct the time, speaker or text the computer read; the picture stays the evidence</source>
      <translation>更正电脑识别出的时间、说话人或文字；图片仍是证据</translation>
    </message>
    <message>
      <source>(system)</source>
      <translation>（系统）</translation>
    </message>
    <message>
      <source>Corrected by hand. Read from the picture: %1 %2: %3</source>
      <translation>已手动更正。从图片中识别出的原文：%1 %2：%3</translation>
    </message>
    <message>
      <source>(This entry has no imported messages.)</source>
      <translation>（这条记录没有导入的消息。）</translation>
    </message>
    <message>
      <source>The picture this line was read from. Check the text against it.</source>
      <translation>这一行识别自这张图片。请将文字与图片核对。</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <source>Trash</source>
      <translation>回收站</translation>
    </message>
    <message>
      <source>Deleted entries stay here, with their history and attachments, until you restore them.</source>
      <translation>删除的记录连同历史和附件都保留在这里，可以随时恢复。</translation>
    </message>
    <message>
      <source>Deleted entries</source>
      <translation>已删除的记录</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>删除时间</translation>
    </message>
    <message>
      <source>The trash is empty.</source>
      <translation>回收站是空的。</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>恢复（&amp;R）</translation>
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
      <translation>日志文件：{path}</translation>
    </message>
    <message>
      <source>&amp;Passphrase</source>
      <translation>密码（&amp;P）</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>解锁（&amp;U）</translation>
    </message>
    <message>
      <source>This is the demo journal. Its passphrase ({p}) is already filled in: press Unlock.</source>
      <translation>这是示例日志，密码（{p}）已经替你填好：点“解锁”即可。</translation>
    </message>
    <message>
      <source>Unlocking… this takes about a second.</source>
      <translation>正在解锁…大约需要一秒钟。</translation>
    </message>
    <message>
      <source>&amp;Open another journal…</source>
      <translation>打开其他日志（&amp;O）…</translation>
    </message>
    <message>
      <source>&amp;Create a new journal</source>
      <translation>新建日志（&amp;C）</translation>
    </message>
    <message>
      <source>Try the &amp;demo journal</source>
      <translation>试用示例日志（&amp;D）</translation>
    </message>
    <message>
      <source>&amp;Restore from a backup…</source>
      <translation>从备份恢复（&amp;R）…</translation>
    </message>
    <message>
      <source>Recent &amp;journals…</source>
      <translation>最近打开的日志…（&amp;J）</translation>
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
      <source>Open in another window or program</source>
      <translation>已在另一个窗口或程序中打开</translation>
    </message>
    <message>
      <source>“{name}” is open in another window or program, so it cannot be changed here.

Open it read-only? You can read, search and export it; to change it, close it there first.</source>
      <translation>“{name}”已在另一个窗口或程序中打开，因此不能在这里修改。

以只读方式打开吗？可以阅读、搜索和导出；如需修改，请先在那里关闭它。</translation>
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
      <translation>日期和时间</translation>
    </message>
    <message>
      <source>e.g. 2024-03-01 20:15, yesterday 3pm</source>
      <translation>例如 2024-03-01 20:15、昨天下午3点</translation>
    </message>
    <message>
      <source>Date only</source>
      <translation>只有日期</translation>
    </message>
    <message>
      <source>Tick when you do not know the time of day</source>
      <translation>不知道具体几点时勾选</translation>
    </message>
    <message>
      <source>Approximate</source>
      <translation>大概</translation>
    </message>
    <message>
      <source>Tick when you only know roughly when it was</source>
      <translation>只知道大概时间时勾选</translation>
    </message>
    <message>
      <source>Understood as: {when}, {weekday}</source>
      <translation>理解为：{when}，{weekday}</translation>
    </message>
  </context>
</TS>