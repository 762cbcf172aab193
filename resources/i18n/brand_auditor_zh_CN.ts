<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="125" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="126" />
        <source>Something went wrong inside the app ({kind}: {error}); please report it with the text printed in the terminal.</source>
        <translation>应用内部出错（{kind}：{error}）；请连同终端中打印的文字一起报告。</translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <location filename="../../ui/entry_attachments.py" line="102" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="103" />
        <source>Remove {name} from this visit</source>
        <translation>从本次走访中移除 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="105" />
        <source>Missing: the file is no longer in the project's attachment folder</source>
        <translation>缺失：附件文件夹中已找不到该文件</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="107" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="107" />
        <source>Audio recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="108" />
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../ui/entry_attachments.py" line="168" />
        <source>Photos and audio ({patterns})</source>
        <translation>照片和录音（{patterns}）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="169" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="170" />
        <source>Add photos or audio</source>
        <translation>添加照片或录音</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="189" />
        <source>Some files were not added</source>
        <translation>部分文件未能添加</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="221" />
        <source>&amp;Add photos or audio…</source>
        <translation>添加照片或录音(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/entry_attachments.py" line="222" />
        <source>No photos or audio yet.</source>
        <translation>尚未添加照片或录音。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="174" />
        <source>Run an audit</source>
        <translation>运行审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="175" />
        <location filename="../../ui/audit_page.py" line="356" />
        <source>All visits</source>
        <translation>全部走访</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="176" />
        <source>Audit every visit in the project, whatever its date.</source>
        <translation>审计项目中的全部走访，不论日期。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="177" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="178" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="179" />
        <source>Run audit</source>
        <translation>运行审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="180" />
        <source>Audit runs</source>
        <translation>审计次数</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="182" />
        <source>Run</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="182" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="182" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="182" />
        <source>Visits</source>
        <translation>走访数</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="182" />
        <location filename="../../ui/audit_page.py" line="360" />
        <source>Consistency index</source>
        <translation>一致性指数</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="183" />
        <location filename="../../ui/audit_page.py" line="361" />
        <source>Promise keeping</source>
        <translation>承诺兑现率</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="183" />
        <location filename="../../ui/audit_page.py" line="362" />
        <source>Script adherence</source>
        <translation>话术执行率</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="183" />
        <source>Findings</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="184" />
        <source>Compare two runs</source>
        <translation>比较两次审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="185" />
        <location filename="../../ui/audit_page.py" line="326" />
        <source>Where</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="185" />
        <location filename="../../ui/audit_page.py" line="326" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="185" />
        <location filename="../../ui/audit_page.py" line="327" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="207" />
        <source>Open a project to audit it.</source>
        <translation>请先打开一个项目再审计。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="258" />
        <source>The period ends before it starts; choose a “To” date on or after the “From” date.</source>
        <translation>期间的结束早于开始；请选择不早于“从”的“至”日期。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="260" />
        <source>Auditing…</source>
        <translation>正在审计…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="262" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="263" />
        <source>Checking every visit against the promises and the script…</source>
        <translation>正在逐一核对每次走访的承诺与话术…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="265" />
        <source>The audit did not finish.</source>
        <translation>审计未完成。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="279" />
        <source>Run {run} stored: {visits} visits audited, {findings} findings.</source>
        <translation>第 {run} 次审计已保存：审计走访 {visits} 次，审计发现 {findings} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="290" />
        <source>The audit was cancelled; nothing was stored.</source>
        <translation>审计已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="315" />
        <source>Select two runs above (Ctrl+click) to see what got better and what got worse.</source>
        <translation>在上方选择两次审计（Ctrl+单击），查看哪些变好、哪些变差。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="316" />
        <source>Once there are two audit runs, you can compare them here.</source>
        <translation>有两次审计后，可以在这里比较。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="326" />
        <location filename="../../ui/audit_page.py" line="327" />
        <source>Run {run}</source>
        <translation>第 {run} 次审计</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="330" />
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="342" />
        <source>Run {newer} against run {older}: {better} figures got better, {worse} got worse, {same} stayed the same.</source>
        <translation>第 {newer} 次对比第 {older} 次：{better} 项指标变好，{worse} 项变差，{same} 项持平。</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="351" />
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="353" />
        <source>From {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="355" />
        <source>Until {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="363" />
        <source>Broken promises</source>
        <translation>未兑现的承诺</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="364" />
        <source>Required wording not said</source>
        <translation>未说出的规定话术</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="365" />
        <source>Forbidden wording used</source>
        <translation>使用了禁用话术</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="366" />
        <source>Inconsistent claims</source>
        <translation>说法不一致</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="367" />
        <source>Promises not in the script</source>
        <translation>话术未覆盖的承诺</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="368" />
        <source>Copied records</source>
        <translation>疑似抄袭的记录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="370" />
        <source>Findings: {kind}</source>
        <translation>审计发现：{kind}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="395" />
        <source>{points} pt</source>
        <translation>{points} 分</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../ui/background.py" line="239" />
        <source>Something unexpected went wrong: {reason}</source>
        <translation>出现了意外问题：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/background.py" line="240" />
        <source>If this happens again, please send the details to whoever supports the app.</source>
        <translation>如果再次发生，请把详细信息发给负责本应用支持的人员。</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="65" />
        <source>Threshold calibration</source>
        <translation>阈值校准</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="68" />
        <source>From the reviewers' decisions on the latest audit: how many findings would be right (precision) and how many real problems would be caught (recall) at other match thresholds. A suggestion needs at least {count} decisions.</source>
        <translation>根据复核人员对最近一次审计的决定：在其他匹配阈值下，有多少发现是对的（精确率），有多少真实问题会被发现（召回率）。至少需要 {count} 个决定才会给出建议。</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="75" />
        <source>Script line or breach cues</source>
        <translation>话术或违约线索</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="75" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="75" />
        <source>Decisions (confirmed / dismissed)</source>
        <translation>决定（确认 / 驳回）</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="76" />
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="76" />
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="76" />
        <location filename="../../ui/calibration_dialog.py" line="88" />
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="77" />
        <location filename="../../ui/calibration_dialog.py" line="88" />
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="87" />
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="87" />
        <source>Raised</source>
        <translation>报出</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="87" />
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="87" />
        <source>False alarms</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="88" />
        <source>Missed</source>
        <translation>漏报</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="88" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="103" />
        <source>No reviewed findings yet: confirm or dismiss findings on the Findings page, then come back to calibrate.</source>
        <translation>还没有复核过的发现：请先在“审计发现”页面确认或驳回，再回来校准。</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="106" />
        <source>Apply suggestion</source>
        <translation>应用建议</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="162" />
        <source>Forbidden line</source>
        <translation>禁用话术</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="162" />
        <source>Required line</source>
        <translation>规定话术</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="163" />
        <source>Breach cues (project threshold)</source>
        <translation>违约线索（项目阈值）</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="182" />
        <source>{total}: {confirmed} ✓ / {dismissed} ✗</source>
        <translation>{total}：{confirmed} ✓ / {dismissed} ✗</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="187" />
        <source>{value} (project)</source>
        <translation>{value}（项目）</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="190" />
        <source>too few decisions</source>
        <translation>决定太少</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="223" />
        <source>{line} — precision and recall at each threshold (now: {current}, suggested: {suggested})</source>
        <translation>{line} — 各阈值下的精确率与召回率（当前：{current}，建议：{suggested}）</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="236" />
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="238" />
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="251" />
        <source>Breach cues have no threshold of their own: they use the project's match threshold (Settings).</source>
        <translation>违约线索没有单独的阈值：使用项目的匹配阈值（见“设置”）。</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="254" />
        <source>Too few decisions for a suggestion.</source>
        <translation>决定太少，无法给出建议。</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="256" />
        <source>The current threshold is already the best.</source>
        <translation>当前阈值已是最佳。</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="272" />
        <source>Threshold not changed</source>
        <translation>阈值未更改</translation>
    </message>
    <message>
        <location filename="../../ui/calibration_dialog.py" line="274" />
        <source>Set the threshold of {line} to {value}</source>
        <translation>将 {line} 的阈值设为 {value}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard_page.py" line="114" />
        <source>Consistency index {index} · audit {run}</source>
        <translation>一致性指数 {index} · 第 {run} 次审计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="147" />
        <source>{promise} at {touchpoint}: {kept} kept, {broken} broken, {review} to review — click for the findings</source>
        <translation>{promise} 在 {touchpoint}：兑现 {kept}，未兑现 {broken}，待复核 {review} — 点击查看审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="179" />
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="179" />
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="180" />
        <source>Suggested scenario for the next mystery shop</source>
        <translation>下次神秘顾客走访的建议场景</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="183" />
        <source>Visit {touchpoint} and test: “{promise}”</source>
        <translation>走访 {touchpoint}，检验：“{promise}”</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="187" />
        <source>Never tested in this audit ({count})</source>
        <translation>本次审计从未检验（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="191" />
        <source>NPS {nps} · CES {ces}</source>
        <translation>净推荐值 {nps} · 费力度 {ces}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="196" />
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="196" />
        <source>Perceived</source>
        <translation>感知</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="196" />
        <source>Expected</source>
        <translation>期望</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="197" />
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="228" />
        <source>Tangibles</source>
        <translation>有形性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="228" />
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="229" />
        <source>Responsiveness</source>
        <translation>响应性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="229" />
        <source>Assurance</source>
        <translation>保证性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="230" />
        <source>Empathy</source>
        <translation>移情性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="233" />
        <source>Promise keeping</source>
        <translation>承诺兑现率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="233" />
        <source>Script adherence</source>
        <translation>话术执行率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="234" />
        <source>Consistency index</source>
        <translation>一致性指数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="234" />
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="237" />
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="238" />
        <source>Promise keeping by touchpoint — click a cell for its findings</source>
        <translation>各触点的承诺兑现率 — 点击单元格查看审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="239" />
        <source>The customer's view</source>
        <translation>顾客视角</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="240" />
        <source>No audit yet: run one on the Audit page.</source>
        <translation>还没有审计：请在“审计”页面运行一次。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/detail_panel.py" line="117" />
        <source>Apply (Ctrl+Return)</source>
        <translation>应用（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="119" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <location filename="../../ui/table_model.py" line="64" />
        <source>Edit {field} of {key}</source>
        <translation>编辑 {key} 的 {field}</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="76" />
        <source>Delete {count} records</source>
        <translation>删除 {count} 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="92" />
        <source>Add a record</source>
        <translation>添加记录</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/empty_state.py" line="69" />
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="70" />
        <source>New project from sample…</source>
        <translation>用示例新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="71" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="72" />
        <source>New here? Read Getting started</source>
        <translation>第一次使用？请读“入门”</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="76" />
        <source>No project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="78" />
        <source>&lt;p&gt;Open a project file with &lt;b&gt;File › Open project…&lt;/b&gt;, start a new one with &lt;b&gt;File › New project…&lt;/b&gt;, or try the app on the bundled sample brand.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用&lt;b&gt;文件 › 打开项目…&lt;/b&gt;打开项目文件，用&lt;b&gt;文件 › 新建项目…&lt;/b&gt;新建一个，或者先用自带的示例品牌试一试。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="81" />
        <source>This project is empty</source>
        <translation>此项目是空的</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="83" />
        <source>&lt;p&gt;{project} has no touchpoints, promises, script lines or visits yet.&lt;/p&gt;&lt;p&gt;Bring in your spreadsheets with &lt;b&gt;File › Import a file…&lt;/b&gt; — touchpoints first, since promises, scripts and visits refer to them. After that, mystery shoppers can type each visit with &lt;b&gt;File › Enter a visit…&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Just looking? Start a new project from the sample brand to see a filled one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{project} 还没有触点、承诺、话术或走访记录。&lt;/p&gt;&lt;p&gt;用 &lt;b&gt;文件 › 导入文件…&lt;/b&gt; 导入您的表格——先导入触点，因为承诺、话术和走访都要引用它们。之后，神秘顾客可以用 &lt;b&gt;文件 › 录入走访…&lt;/b&gt; 逐条录入走访。&lt;/p&gt;&lt;p&gt;只是看看？用示例品牌新建一个项目，看看填好的样子。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../ui/entry_form.py" line="208" />
        <source>New visit</source>
        <translation>新走访</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="210" />
        <source>&amp;Touchpoint</source>
        <translation>触点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="210" />
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="210" />
        <source>S&amp;hopper</source>
        <translation>神秘顾客(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="211" />
        <source>S&amp;cenario</source>
        <translation>场景(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="211" />
        <source>T&amp;ranscript and notes</source>
        <translation>记录与备注(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="212" />
        <source>Tangibles</source>
        <translation>有形性</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="212" />
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="213" />
        <source>Responsiveness</source>
        <translation>响应性</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="213" />
        <source>Assurance</source>
        <translation>保证性</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="214" />
        <source>Empathy</source>
        <translation>移情性</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="214" />
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="214" />
        <source>CES</source>
        <translation>费力度</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="218" />
        <source>What the shopper set out to do</source>
        <translation>神秘顾客此行要办的事</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="219" />
        <source>What was said and what happened, in the words used</source>
        <translation>说了什么、发生了什么，尽量用原话</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="221" />
        <source>1–5</source>
        <translation>1–5</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="222" />
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="223" />
        <source>1–7</source>
        <translation>1–7</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="224" />
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="225" />
        <source>Script: what staff said (blank: the audit reads the transcript)</source>
        <translation>话术：员工是否说了（留空则由审计读取记录判断）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="226" />
        <source>Photos and audio</source>
        <translation>照片和录音</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="227" />
        <source>Ratings (SERVQUAL 1–5, NPS 0–10, CES 1–7; blank if not asked)</source>
        <translation>评分（SERVQUAL 1–5，NPS 0–10，CES 1–7；未问可留空）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="228" />
        <location filename="../../ui/entry_form.py" line="352" />
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="229" />
        <source>Save and next (Ctrl+Enter)</source>
        <translation>保存并录入下一条（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="302" />
        <source>Draft saved at {time}.</source>
        <translation>草稿已于 {time} 保存。</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="308" />
        <source>The draft could not be saved ({error}); trying again.</source>
        <translation>草稿未能保存（{error}），正在重试。</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="324" />
        <source>{key} (not in this project)</source>
        <translation>{key}（不在此项目中）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="346" />
        <source>Draft from {time} restored.</source>
        <translation>已恢复 {time} 的草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="353" />
        <source>Throw away everything typed for this visit?</source>
        <translation>丢弃此次走访已输入的全部内容？</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="361" />
        <source>Draft discarded.</source>
        <translation>草稿已丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="374" />
        <source>Not saved: {error} The draft is kept.</source>
        <translation>未保存：{error} 草稿已保留。</translation>
    </message>
    <message>
        <location filename="../../ui/entry_form.py" line="378" />
        <source>Visit {key} saved. Next visit:</source>
        <translation>走访 {key} 已保存。下一条：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/entry_form.py" line="397" />
        <source>Not saved: %n problem(s) to fix; the draft is kept.</source>
        <translation>
            <numerusform>未保存：有 %n 个问题需要改正；草稿已保留。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <location filename="../../ui/findings_page.py" line="149" />
        <source>&lt;b&gt;{kind}&lt;/b&gt; · severity {severity} · {status} · {where}</source>
        <translation>&lt;b&gt;{kind}&lt;/b&gt; · 严重程度 {severity} · {status} · {where}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="155" />
        <location filename="../../ui/findings_page.py" line="165" />
        <source>Promise {key}</source>
        <translation>承诺 {key}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="158" />
        <location filename="../../ui/findings_page.py" line="162" />
        <source>Script line {key}</source>
        <translation>话术 {key}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="168" />
        <location filename="../../ui/findings_page.py" line="176" />
        <source>Expected</source>
        <translation>期望</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="171" />
        <source>What was found</source>
        <translation>发现内容</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="173" />
        <source>Transcript of {key}</source>
        <translation>{key} 的记录</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="176" />
        <source>Observed</source>
        <translation>观察到</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="177" />
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="177" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="179" />
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="185" />
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="186" />
        <source>Why you decided so (optional; N to type, Return to go back)</source>
        <translation>为何这样决定（可选；按 N 输入，回车返回）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="187" />
        <source>Confirm (C)</source>
        <translation>确认（C）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="188" />
        <source>Dismiss (D)</source>
        <translation>驳回（D）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="189" />
        <source>Reopen (R)</source>
        <translation>重新打开（R）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="190" />
        <source>The finding is real: keep it in the report</source>
        <translation>发现属实：保留在报告中</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="191" />
        <source>A false alarm: hide it from the list and the report</source>
        <translation>误报：从列表和报告中隐去</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="192" />
        <source>Forget the decision: the finding is new again</source>
        <translation>撤销决定：该发现重新变为待处理</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/findings_model.py" line="30" />
        <source>Broken promise</source>
        <translation>未兑现承诺</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="31" />
        <source>Missing phrase</source>
        <translation>缺失话术</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="32" />
        <source>Forbidden phrase</source>
        <translation>禁用话术</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="33" />
        <source>Inconsistent claim</source>
        <translation>说法不一致</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="34" />
        <source>Uncovered promise</source>
        <translation>未覆盖承诺</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="35" />
        <source>Duplicate transcript</source>
        <translation>疑似抄袭</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="42" />
        <source>New</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="43" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="44" />
        <source>Dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="129" />
        <source>{kind} (to review)</source>
        <translation>{kind}（待复核）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="148" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="149" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="150" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="151" />
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="152" />
        <source>Promise / script line</source>
        <translation>承诺 / 话术</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="153" />
        <source>Observation</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="154" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../ui/findings_page.py" line="399" />
        <source>The decision was not saved: {error}</source>
        <translation>决定未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="418" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="419" />
        <source>Your name is recorded with each finding you confirm or dismiss, so that the team knows who decided. You can change it later in File › Settings.</source>
        <translation>您确认或驳回的每条审计发现都会记下您的姓名，让团队知道是谁做的决定。以后可以在 文件 › 设置 中修改。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="431" />
        <source>Confirm the selected findings</source>
        <translation>确认所选的审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="432" />
        <source>Dismiss the selected findings</source>
        <translation>驳回所选的审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="433" />
        <source>Reopen the selected findings (forget the decision)</source>
        <translation>重新打开所选的审计发现（撤销决定）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="434" />
        <source>Next finding</source>
        <translation>下一条审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="435" />
        <source>Previous finding</source>
        <translation>上一条审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="436" />
        <source>Type a note (Return goes back to the list)</source>
        <translation>输入备注（按回车返回列表）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="464" />
        <location filename="../../ui/findings_page.py" line="533" />
        <source>All touchpoints</source>
        <translation>全部触点</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="465" />
        <location filename="../../ui/findings_page.py" line="534" />
        <source>All promises</source>
        <translation>全部承诺</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="507" />
        <source>{shown} of {total} · run {run}</source>
        <translation>{total} 项中的 {shown} 项 · 第 {run} 次审计</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="510" />
        <source>Open a project to review its findings.</source>
        <translation>请先打开项目再复核审计发现。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="512" />
        <source>No audit has been run yet. Run one on the Audit page.</source>
        <translation>还没有运行审计。请在“审计”页面运行一次。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="514" />
        <source>This audit found nothing to review.</source>
        <translation>本次审计没有需要复核的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="518" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="519" />
        <source>Broken or to review</source>
        <translation>未兑现或待复核</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="519" />
        <source>Broken</source>
        <translation>未兑现</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="520" />
        <source>To review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="521" />
        <source>New and confirmed</source>
        <translation>待处理和已确认</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="521" />
        <source>New</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="522" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="522" />
        <source>Dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="523" />
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../ui/findings_page.py" line="539" />
        <source>Filter: findings containing…</source>
        <translation>筛选：包含以下内容的发现…</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="156" />
        <source>1. Set up the brand</source>
        <translation>1. 设置品牌</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="157" />
        <source>List your &lt;b&gt;touchpoints&lt;/b&gt; — each store, the hotline, the website, the app, the chat. Add the &lt;b&gt;promises&lt;/b&gt; marketing makes (“call back within 15 minutes”, “30-day free returns”), with the touchpoints they apply to and, where you can measure them, a target. Then the &lt;b&gt;script lines&lt;/b&gt;: what staff must say at each touchpoint, and what they must never say. Import them with &lt;b&gt;File › Import a file…&lt;/b&gt;, touchpoints first, or add them by hand with &lt;b&gt;Edit › Add a record&lt;/b&gt;.</source>
        <translation>列出您的&lt;b&gt;触点&lt;/b&gt;——每家门店、热线、官网、App、在线客服。添加市场部做出的&lt;b&gt;承诺&lt;/b&gt;（“15分钟内回电”“30天无理由退货”），注明适用的触点，能衡量的再给出目标值。然后是&lt;b&gt;话术&lt;/b&gt;：每个触点的员工必须说什么、绝不能说什么。用 &lt;b&gt;文件 › 导入文件…&lt;/b&gt; 导入（先导入触点），或用 &lt;b&gt;编辑 › 添加记录&lt;/b&gt; 手动添加。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="163" />
        <source>2. Enter or import visits</source>
        <translation>2. 录入或导入走访</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="164" />
        <source>Mystery shoppers type each visit, call or chat with &lt;b&gt;File › Enter a visit…&lt;/b&gt;: where and when, what happened, the measurements (how long the callback took), the script lines they heard, the ratings. Nothing is lost — the form saves a draft as they type. An agency's spreadsheet of visits comes in with &lt;b&gt;File › Import a file…&lt;/b&gt;, Chinese headers and GBK files included.</source>
        <translation>神秘顾客用 &lt;b&gt;文件 › 录入走访…&lt;/b&gt; 录入每次到店、来电或在线咨询：地点和时间、发生了什么、测量值（回电用了多久）、听到了哪些话术、各项评分。什么都不会丢——表单边输入边保存草稿。调研公司的走访表格用 &lt;b&gt;文件 › 导入文件…&lt;/b&gt; 导入，中文表头和 GBK 文件都可以。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="169" />
        <source>3. Run the audit</source>
        <translation>3. 运行审计</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="170" />
        <source>On the &lt;b&gt;Audit&lt;/b&gt; page, choose the period and run it. The app compares every visit with the promises and scripts that apply to it, and the touchpoints’ scripts with each other. Each run is kept, so you can compare this month with the last.</source>
        <translation>在&lt;b&gt;审计&lt;/b&gt;页选择时间段并运行。程序会把每次走访与适用的承诺和话术逐一对照，并对照各触点的话术是否一致。每次运行都会保存，方便把本月与上月比较。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="173" />
        <source>4. Review the findings</source>
        <translation>4. 复核审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="174" />
        <source>The &lt;b&gt;Findings&lt;/b&gt; page lists each broken promise, missing or forbidden phrase and inconsistent claim, with the promise beside the shopper’s words and the evidence highlighted. Confirm (C) what is real, dismiss (D) false alarms, and decide the ones marked “to review”. Your decisions are kept when you run the audit again.</source>
        <translation>&lt;b&gt;审计发现&lt;/b&gt;页列出每一处未兑现的承诺、漏说或说了禁用语的话术，以及前后矛盾的说法；承诺与神秘顾客的记录并排显示，证据高亮。属实的按 C 确认，误报按 D 驳回，并处理标为“待复核”的条目。再次运行审计时，您的决定都会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="178" />
        <source>5. Build the report</source>
        <translation>5. 生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="179" />
        <source>&lt;b&gt;File › Build the report…&lt;/b&gt; writes the Word report for the executives: the consistency index and its trend on page 1, the worst gaps in plain words, scorecards per touchpoint and every confirmed finding with its evidence. It can be in English or Chinese, use your company’s template and leave out staff names.</source>
        <translation>&lt;b&gt;文件 › 生成报告…&lt;/b&gt; 为管理层生成 Word 报告：第1页是一致性指数及其趋势、用平实语言写出的最大差距，之后是各触点的记分卡以及每条已确认的审计发现及其证据。报告可用中文或英文，可套用公司模板，也可隐去员工姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="186" />
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="187" />
        <source>From a brand’s promises to the report that shows where they are kept and where they are broken. To try it first, use &lt;b&gt;File › New project from sample…&lt;/b&gt;</source>
        <translation>从品牌的承诺出发，到一份指出哪里兑现、哪里没有兑现的报告。想先试试，请用 &lt;b&gt;文件 › 用示例新建项目…&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="209" />
        <location filename="../../ui/import_dialog.py" line="228" />
        <location filename="../../ui/import_dialog.py" line="429" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="210" />
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="210" />
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="211" />
        <source>Script lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="211" />
        <source>Observations (visits)</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="214" />
        <source>What to import</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="215" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="216" />
        <source>A CSV, Excel or JSON file</source>
        <translation>CSV、Excel 或 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="217" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="218" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="219" />
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="220" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="221" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="221" />
        <source>Imports into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="222" />
        <source>Mapped as you chose last time for a file with these columns.</source>
        <translation>已按您上次对同样列的文件所选的方式对应。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="223" />
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="224" />
        <location filename="../../ui/import_dialog.py" line="226" />
        <location filename="../../ui/import_dialog.py" line="429" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="225" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="225" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="225" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="227" />
        <source>A dry run: reads the whole file and writes nothing</source>
        <translation>试运行：读取整个文件，不写入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="229" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="231" />
        <source>Choose a file to see its columns and first rows.</source>
        <translation>选择一个文件，查看它的列和前几行。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="244" />
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="245" />
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.json);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx *.xlsm *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="278" />
        <source>not needed (Excel file)</source>
        <translation>不需要（Excel 文件）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="282" />
        <source>{encoding} (detected)</source>
        <translation>{encoding}（自动检测）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="283" />
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="283" />
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="283" />
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="284" />
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="285" />
        <source>Encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="287" />
        <source>Delimiter: {delimiter}</source>
        <translation>分隔符：{delimiter}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="289" />
        <source>{count} columns</source>
        <translation>{count} 列</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="326" />
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="333" />
        <source>Another measurement…</source>
        <translation>其他测量项…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="334" />
        <source>A measurement of a metric no promise names yet; you type its name</source>
        <translation>还没有承诺用到的指标的测量值；请输入指标名称</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="348" />
        <source>measure: {metric}</source>
        <translation>测量：{metric}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="371" />
        <source>Another measurement</source>
        <translation>其他测量项</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="372" />
        <source>The metric this column measures, as the promises name it (for example callback_time):</source>
        <translation>这一列测量的指标，按承诺中的名称填写（例如 callback_time）：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="430" />
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="436" />
        <source>The file is fine. Importing it will add {new} new, update {updated} and leave {unchanged} unchanged. Nothing has been written yet.</source>
        <translation>文件没有问题。导入将新增 {new} 条、更新 {updated} 条、{unchanged} 条不变。目前尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="444" />
        <source>Imported: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入：新增 {new} 条，更新 {updated} 条，{unchanged} 条不变。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="454" />
        <source>Columns not imported: {columns}</source>
        <translation>未导入的列：{columns}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="471" />
        <source>{count} problems; nothing was imported. Fix them in the file (or change the columns above) and check again.</source>
        <translation>共 {count} 个问题，没有导入任何内容。请在文件中改正（或调整上面的列对应），然后重新检查。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="474" />
        <source>The first {shown} are listed.</source>
        <translation>下面列出前 {shown} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="504" />
        <source>Press Check to read the whole file without writing anything.</source>
        <translation>按“检查”读取整个文件，不写入任何内容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <location filename="../../ui/main_window.py" line="152" />
        <source>Cannot create project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Cannot load the sample</source>
        <translation>无法载入示例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>{path} already exists; choose another name, or open it with File › Open project.</source>
        <translation>{path} 已存在；请换一个名称，或用 文件 › 打开项目 打开它。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249" />
        <source>Delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>Delete {count} selected record(s) from {table}? Edit › Undo brings them back.</source>
        <translation>从{table}中删除选中的 {count} 条记录？可用 编辑 › 撤销 恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>Enter a visit — {project}</source>
        <translation>录入走访 — {project}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280" />
        <source>Enter a visit</source>
        <translation>录入走访</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281" />
        <source>Every visit is made at a touchpoint (a store, the hotline, the website…), and this project has none yet. Import them with File › Import a file…, or add them on the Touchpoints page.</source>
        <translation>每次走访都发生在某个触点（门店、热线、官网……），而这个项目还没有触点。请用 文件 › 导入文件… 导入，或在“触点”页添加。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283" />
        <source>Import touchpoints…</source>
        <translation>导入触点…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Unfinished visits</source>
        <translation>未完成的走访</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295" />
        <source>{count} visit(s) were being entered and not saved yet:

{lines}

Continue with them now? (If not, they stay as drafts for next time.)</source>
        <translation>有 {count} 条走访正在录入、尚未保存：

{lines}

现在继续录入吗？（如果不继续，它们会作为草稿保留到下次。）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344" />
        <source>Imported: {summary}</source>
        <translation>已导入：{summary}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459" />
        <source>&amp;Add a visit…</source>
        <translation>添加走访(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469" />
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487" />
        <source>New project from sample</source>
        <translation>用示例新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495" />
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505" />
        <source>Copy not saved</source>
        <translation>副本未保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507" />
        <source>Saved a copy as {path}</source>
        <translation>副本已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511" />
        <source>About Brand Touchpoint Auditor</source>
        <translation>关于品牌触点审计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="512" />
        <source>&lt;h3&gt;Brand Touchpoint Auditor {version}&lt;/h3&gt;&lt;p&gt;Checks whether a brand keeps its promises at every touchpoint, from mystery shoppers' records.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;品牌触点审计 {version}&lt;/h3&gt;&lt;p&gt;根据神秘顾客的记录，检查品牌在每个触点是否兑现了承诺。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519" />
        <source>Brand Touchpoint Auditor</source>
        <translation>品牌触点审计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523" />
        <source>{project} — {app}</source>
        <translation>{project} — {app}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529" />
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530" />
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531" />
        <source>New project from &amp;sample…</source>
        <translation>用示例新建项目(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532" />
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533" />
        <source>&amp;Import a file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="534" />
        <source>Build the &amp;report…</source>
        <translation>生成报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535" />
        <source>Calibrate &amp;thresholds…</source>
        <translation>校准阈值(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536" />
        <source>&amp;Enter a visit…</source>
        <translation>录入走访(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537" />
        <source>Save a &amp;copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="538" />
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461" />
        <source>&amp;Add a record</source>
        <translation>添加记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541" />
        <source>D&amp;uplicate the record</source>
        <translation>复制记录(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542" />
        <source>&amp;Delete the selected records…</source>
        <translation>删除选中的记录(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="543" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544" />
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="546" />
        <source>&amp;About Brand Touchpoint Auditor</source>
        <translation>关于品牌触点审计(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="552" />
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="553" />
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554" />
        <source>Script lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555" />
        <source>Observations</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="557" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558" />
        <source>Findings</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562" />
        <source>{table} ({count})</source>
        <translation>{table}（{count}）</translation>
    </message>
</context>
<context>
    <name>MeasurementFields</name>
    <message>
        <location filename="../../ui/entry_measurements.py" line="102" />
        <source>no promise of this touchpoint</source>
        <translation>此触点没有这项承诺</translation>
    </message>
    <message>
        <location filename="../../ui/entry_measurements.py" line="108" />
        <location filename="../../ui/entry_measurements.py" line="116" />
        <source> → {value} {unit}</source>
        <translation> → {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/entry_measurements.py" line="110" />
        <source>{typed} cannot be compared with {unit}; {target}</source>
        <translation>{typed} 无法与 {unit} 比较；{target}</translation>
    </message>
    <message>
        <location filename="../../ui/entry_measurements.py" line="120" />
        <source>The promises of this touchpoint measure nothing.</source>
        <translation>此触点的承诺没有需要测量的指标。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/background.py" line="152" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/background.py" line="167" />
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/background.py" line="169" />
        <source>{done} rows read</source>
        <translation>已读取 {done} 行</translation>
    </message>
    <message>
        <location filename="../../ui/background.py" line="179" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <location filename="../../ui/project_dialogs.py" line="18" />
        <source>Brand Auditor projects (*{suffix});;All files (*)</source>
        <translation>品牌审计项目 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/project_dialogs.py" line="26" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/project_dialogs.py" line="52" />
        <source>{path} cannot be used: {reason}.</source>
        <translation>{path} 无法使用：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/project_dialogs.py" line="54" />
        <source>{path} could not be used: {reason}.</source>
        <translation>{path} 未能使用：{reason}。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="142" />
        <location filename="../../ui/report_dialog.py" line="217" />
        <location filename="../../ui/report_dialog.py" line="225" />
        <source>Build the report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="143" />
        <source>Audit run</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="143" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="143" />
        <location filename="../../ui/report_dialog.py" line="192" />
        <source>Word template</source>
        <translation>Word 模板</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="143" />
        <source>Staff names</source>
        <translation>员工姓名</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="144" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="147" />
        <source>None: the built-in layout</source>
        <translation>无：使用内置版式</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="148" />
        <location filename="../../ui/report_dialog.py" line="151" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="149" />
        <source>Remove staff names</source>
        <translation>隐去员工姓名</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="150" />
        <source>Shoppers' and staff members' names are replaced by “[staff]” in the report.</source>
        <translation>报告中神秘顾客和员工的姓名将被替换。</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="152" />
        <source>Build report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="156" />
        <source>Run {run} — {date} — {period}</source>
        <translation>第 {run} 次 — {date} — {period}</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="163" />
        <source>There is no audit run to report on yet; run an audit first.</source>
        <translation>还没有可生成报告的审计；请先运行审计。</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="173" />
        <source>all visits</source>
        <translation>全部走访</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="193" />
        <source>Word documents and templates (*.docx *.dotx)</source>
        <translation>Word 文档和模板 (*.docx *.dotx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="198" />
        <source>Save the report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="199" />
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="211" />
        <source>Choose where to save the report.</source>
        <translation>请选择报告的保存位置。</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="217" />
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="224" />
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="226" />
        <source>Writing the Word report…</source>
        <translation>正在写入 Word 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="235" />
        <source>The report was saved as {path}.</source>
        <translation>报告已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="244" />
        <source>The report could not be built.</source>
        <translation>报告未能生成。</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="247" />
        <source>Cancelled; no report was written.</source>
        <translation>已取消，未写入报告。</translation>
    </message>
</context>
<context>
    <name>ScriptChecklist</name>
    <message>
        <location filename="../../ui/entry_checklist.py" line="78" />
        <source>— (judge from the transcript)</source>
        <translation>—（由记录判断）</translation>
    </message>
    <message>
        <location filename="../../ui/entry_checklist.py" line="78" />
        <source>said</source>
        <translation>说了</translation>
    </message>
    <message>
        <location filename="../../ui/entry_checklist.py" line="79" />
        <source>not said</source>
        <translation>没说</translation>
    </message>
    <message>
        <location filename="../../ui/entry_checklist.py" line="79" />
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/entry_checklist.py" line="83" />
        <source>This touchpoint has no script lines.</source>
        <translation>此触点没有话术。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51" />
        <source>Match threshold (phrase found)</source>
        <translation>匹配阈值（视为找到）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52" />
        <source>Review threshold (a person decides)</source>
        <translation>复核阈值（交由人工判断）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53" />
        <source>Tangibles</source>
        <translation>有形性</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53" />
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <source>Responsiveness</source>
        <translation>响应性</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <source>Assurance</source>
        <translation>保证性</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>Empathy</source>
        <translation>移情性</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63" />
        <source>Expected {dimension} (1–5)</source>
        <translation>{dimension}期望值（1–5）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <source>One group per line; the phrases of a group separated by | (for example: 24/7 | around the clock | 全天候).</source>
        <translation>每行一组；同组说法用 | 分隔（例如：24/7 | around the clock | 全天候）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Restore the default list</source>
        <translation>恢复默认列表</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80" />
        <source>The brand the report is about: its title, cover and document properties. Empty: named after the project file.</source>
        <translation>报告所写的品牌：用于标题、封面和文档属性。留空则使用项目文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82" />
        <source>Brand name</source>
        <translation>品牌名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84" />
        <source>Staff names, one per line: masked in reports made with “Remove staff names”.</source>
        <translation>员工姓名，每行一个：在“隐去员工姓名”的报告中会被遮盖。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95" />
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98" />
        <source>Your name (recorded with review decisions)</source>
        <translation>您的姓名（随复核决定记录）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102" />
        <source>Synonyms</source>
        <translation>同义词</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104" />
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="138" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="98" />
        <source>Go to {page}</source>
        <translation>转到“{page}”</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="100" />
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="103" />
        <source>Findings page (keys on the list)</source>
        <translation>审计发现页（在列表上按键）</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="106" />
        <source>Entering a visit</source>
        <translation>录入走访</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="106" />
        <source>Save the visit and start the next one</source>
        <translation>保存本次走访并开始下一条</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="107" />
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="107" />
        <source>Apply the long text edited below the table</source>
        <translation>应用表格下方编辑的长文本</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="112" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="113" />
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="113" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../ui/summary_panel.py" line="57" />
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="58" />
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="59" />
        <source>Script lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="60" />
        <source>Observations</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="61" />
        <source>Audit runs</source>
        <translation>审计次数</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="62" />
        <source>Findings (latest run)</source>
        <translation>审计发现（最近一次）</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="67" />
        <source>Broken promises and other gaps found by the most recent audit run.</source>
        <translation>最近一次审计发现的未兑现承诺及其他差距。</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../ui/table_page.py" line="206" />
        <source>Filter: rows containing…</source>
        <translation>筛选：包含以下内容的行…</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="214" />
        <source>&lt;p&gt;No visits yet.&lt;/p&gt;&lt;p&gt;Type one with &lt;b&gt;File › Enter a visit…&lt;/b&gt;, or bring in an agency's spreadsheet with &lt;b&gt;File › Import a file…&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有走访记录。&lt;/p&gt;&lt;p&gt;用 &lt;b&gt;文件 › 录入走访…&lt;/b&gt; 录入一条，或用 &lt;b&gt;文件 › 导入文件…&lt;/b&gt; 导入调研公司的表格。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="218" />
        <source>&lt;p&gt;Nothing here yet.&lt;/p&gt;&lt;p&gt;Import a file with &lt;b&gt;File › Import a file…&lt;/b&gt;, or add a record with &lt;b&gt;Edit › Add a record&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这里还没有内容。&lt;/p&gt;&lt;p&gt;用 &lt;b&gt;文件 › 导入文件…&lt;/b&gt; 导入文件，或用 &lt;b&gt;编辑 › 添加记录&lt;/b&gt; 添加一条记录。&lt;/p&gt;</translation>
    </message>
</context>
<context><name>TableColumns</name><message><source>Key</source><translation>编号</translation></message><message><source>Name</source><translation>名称</translation></message><message><source>Channel</source><translation>渠道</translation></message><message><source>Location</source><translation>地点</translation></message><message><source>Notes</source><translation>备注</translation></message><message><source>Promise</source><translation>承诺</translation></message><message><source>Touchpoints</source><translation>触点</translation></message><message><source>Dimension</source><translation>维度</translation></message><message><source>Target</source><translation>目标</translation></message><message><source>Breach cues</source><translation>违约线索</translation></message><message><source>Weight</source><translation>权重</translation></message><message><source>Valid</source><translation>有效期</translation></message><message><source>Source</source><translation>来源</translation></message><message><source>Touchpoint</source><translation>触点</translation></message><message><source>Kind</source><translation>类型</translation></message><message><source>Step</source><translation>环节</translation></message><message><source>Wording</source><translation>话术</translation></message><message><source>Scenarios</source><translation>适用场景</translation></message><message><source>Observed at</source><translation>时间</translation></message><message><source>Shopper</source><translation>神秘顾客</translation></message><message><source>Scenario</source><translation>场景</translation></message><message><source>Transcript</source><translation>记录</translation></message><message><source>Measurements</source><translation>测量值</translation></message><message><source>Tangibles</source><translation>有形性</translation></message><message><source>Reliability</source><translation>可靠性</translation></message><message><source>Responsiveness</source><translation>响应性</translation></message><message><source>Assurance</source><translation>保证性</translation></message><message><source>Empathy</source><translation>移情性</translation></message><message><source>NPS</source><translation>净推荐值</translation></message><message><source>CES</source><translation>费力度</translation></message><message><source>Import column: {source}</source><translation>导入列：{source}</translation></message></context></TS>