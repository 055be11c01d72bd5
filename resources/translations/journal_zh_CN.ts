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
      <translation type="unfinished" />
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
    <name>EntryDetail</name>
    <message>
      <source>Entry details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose an entry on the left to see everything recorded about it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change this entry (the earlier version is kept in its history)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;History…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every earlier version of this entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Copy text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy this entry as text; the clipboard is cleared again soon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move to &amp;trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move this entry to the trash; it can be restored</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Contact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gift</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>Id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How exact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>People</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Channel (app)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Place</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Witnesses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tags</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Currency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Direction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Estimated value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Task asked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target or place</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medium</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Who started it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reported to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reference number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Officer or teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attachments</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alipay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bank transfer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cryptocurrency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Other</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>They did</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I did</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>12339 hotline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Online reporting platform</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Official WeChat account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Local national security office</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>School or teacher</source>
      <translation type="unfinished" />
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
    <name>TimelineModel</name>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>People</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TimelineView</name>
    <message>
      <source>Search names, words, places… (Ctrl+F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search the journal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show only this kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All kinds</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show only entries about this person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Everyone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>any date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show &amp;all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clear the search and every filter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries, newest first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 entry matches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} entries match</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing matches. Try other words, or press “Show all”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No entries yet. Write down what happened with “New entry” — a first contact, a request, a payment, a gift. Short notes are fine.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move to trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move this entry to the trash? You can restore it from the trash later, and its history is kept.</source>
      <translation type="unfinished" />
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