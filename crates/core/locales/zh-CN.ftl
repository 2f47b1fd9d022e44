# 简体中文 (zh-CN). Same ids and placeholders as en.ftl (tests check both); an id missing
# here falls back to English. Write each message on one line: a continuation line is joined
# with a space, which Chinese text does not want. Tickers and provider names stay as they are.
# Headings (page-title, *-headline) mark where a line may break with U+200B ZERO WIDTH SPACE
# (and keep a dash with what follows it by U+2060 WORD JOINER),
# invisible here: a Chinese heading breaks only there and at punctuation (style/main.css), so
# a word, a number with its unit or a date stays whole. The story's step titles do the same.

## Formats
-date = { $year }年{ $month }{ $day }日
-month-year = { $year }年{ $month }
-day-month = { $month }{ $day }日
-year = { $year }
-usd-m = { $n }万美元
-usd-bn = { $n }亿美元
-usd-k = { $n }千美元
-usd-zero = 0美元
# Zero on a money axis.
-usd-zero-axis = 0
-percent = { $n }%
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
no-value = 无数据
value = { $v }
value-with-ci = { $v }（95%置信区间 { $lo } 至 { $hi }，n = { $n }）
value-with-band = { $v }（模型误差带 { $lo } 至 { $hi }）
value-with-remark = { $value } · { $remark }
remark-model-error = 当月模型误差 { $e }
empty =
-list-pair = { $a }、{ $b }
-list-and = { $a }和{ $b }

## Page
page-kicker = 数据解读
page-title = 三张图​看懂​2025–⁠26年​加密资产​重新定价
page-intro = 用真实数据回答关于2025–26年加密资产重新定价的三个问题。下文每个数字都由你的浏览器根据随附的数据快照计算得出，每句话描述的都是你正在查看的视图。
toc-label = 目录
toc-correlation = 比特币还在跟着纳斯达克走吗？
toc-flows = ETF的资金去了哪里？
toc-burn = ETH还在通缩吗？
footer-data = 数据来源：{ $providers }。ETH发行量为模型估算，并非实测。本页内容不构成投资建议。
loading = 正在加载数据…
embed-link = 打开完整解读：三张图看懂2025–26年加密资产重新定价 ↗
section-number = { $n } · { $title }

## Errors
load-not-arrived = 数据文件未能送达。请检查网络连接，然后重新加载页面重试。
load-damaged = 数据文件在传输途中损坏。请重新加载页面重试。
load-other-version = 该数据文件属于本页面的另一个版本。请重新加载以获取匹配的版本。
load-modified = 数据文件在生成后被修改过（与其校验和不再一致），因此不据此绘制任何图表。请重新加载页面重试。
load-unusable = 数据文件未通过本页面的校验，无法据此绘制任何内容。
error-chart-data = 无法读取此图表的数据：{ $detail }。
error-load = 无法加载数据。
error-detail = 技术细节
error-chart-title = 此图表无法显示。
retry = 重试
warn-counterpart = { $name }：{ $detail }
empty-market-range = 此区间内的交易日太少，无法绘图：请选择更长的区间。
empty-market-before = 此区间内没有市场数据：价格数据始于{ $date }。
empty-market-after = 此区间内没有市场数据：价格数据截至{ $date }。
empty-flows-range = 此区间内没有资金流数据：请选择更长的区间。
empty-flows-before = 此区间内没有资金流：{ $asset }于{ $date }开始交易。
empty-flows-after = 此区间内没有资金流：资金流数据截至{ $date }。
empty-burn-range = 此区间内的销毁数据天数太少，无法绘图：请选择更长的区间。
empty-burn-before = 此区间内没有销毁数据：销毁数据始于{ $date }。
empty-burn-after = 此区间内没有销毁数据：销毁数据截至{ $date }。
empty-share-range = 此区间内的月份太少，无法绘制占比：请选择两个月或更长的区间。
draw-error = 无法绘制图表。
no-canvas = 此浏览器无法绘制图表（不支持2D画布）。

## Controls
control-compare = 比特币对比
control-window = 滚动窗口
control-range = 区间
control-from = 起
control-to = 止
control-etfs = ETF
control-bars = 柱形
control-aggregation = 汇总周期
control-funds = 基金
control-lines = 曲线
control-smoothing = 平滑
window-days = { $n }日
range-3m = 3个月
range-6m = 6个月
range-1y = 1年
range-2y = 2年
range-5y = 5年
range-all = 全部
asset-btc = 比特币ETF
asset-eth = 以太坊ETF
bars-total = 合计
bars-fund = 按基金
agg-day = 日
agg-week = 周
agg-month = 月
smoothing-mean7-button = 7日均值
smoothing-daily-button = 每日

## Share
share-link = 链接
share-embed = 嵌入
share-csv = CSV
share-png = PNG
share-copy = 复制
share-copied = 已复制。
share-copy-failed = 浏览器阻止了在此处复制：请选中文本后按 Ctrl+C（⌘C）。
share-label = 分享与导出
share-link-label = 此视图的链接
share-embed-label = 此视图的嵌入代码（粘贴到文章的HTML中）
embed-iframe-title = { $title } — 交互式图表
credit-line = 来源：{ $providers } · 数据截至{ $date } · 由浏览器根据随附数据快照计算
credit-line-model = 来源：{ $providers } · 发行量为模型估算 · 数据截至{ $date } · 由浏览器根据随附数据快照计算
source-line = 来源：{ $providers }。数据截至{ $date }。
method-label = 计算方法

## Chart 1: correlation
corr-title = 比特币的相关性格局
corr-lede = 日收益率的滚动相关系数显示比特币与其他市场的联动有多紧密，以及这种联动是否已经改变。
embed-title-correlation = 比特币与纳斯达克100指数及黄金的滚动相关系数
btc = 比特币
cp-qqq = 纳斯达克100（QQQ）
cp-gld = 黄金（GLD）
cp-eth = 以太坊（ETH）
cp-spy = 标普500（SPY）
cp-dbc = 大宗商品（DBC）
cp-dgs10 = 10年期国债收益率
cp-qqq-in-sentence = 纳斯达克100指数
cp-gld-in-sentence = 黄金
cp-eth-in-sentence = 以太坊
cp-spy-in-sentence = 标普500指数
cp-dbc-in-sentence = 大宗商品
cp-dgs10-in-sentence = 10年期国债收益率
series-corr = { $name } · 相关系数
series-index = { $name } · 指数
panel-corr = 与比特币日收益率的{ $window }日滚动相关系数
panel-corr-short = 与比特币的{ $window }日相关系数
panel-index = 价格，以{ $start }为100
panel-index-short = 价格，{ $start } = 100
corr-latest = 比特币与{ $with }的{ $window }日相关系数：{ $date }为{ $r }。
corr-latest-flat = 比特币与{ $with }的{ $window }日相关系数：{ $date }为{ $r }，与{ $date0 }的{ $r0 }相比变化不大{ $peak }。
corr-latest-up = 比特币与{ $with }的{ $window }日相关系数：{ $date }为{ $r }，高于{ $date0 }的{ $r0 }{ $peak }。
corr-latest-down = 比特币与{ $with }的{ $window }日相关系数：{ $date }为{ $r }，低于{ $date0 }的{ $r0 }{ $peak }。
corr-peak = ，期间曾于{ $date }达到峰值{ $r }
corr-compare = { $date }，比特币与{ $hi }（{ $rhi }）的联动强于与{ $lo }（{ $rlo }）的联动；二者的95%置信区间不重叠。
corr-compare-overlap = { $date }，比特币与{ $hi }（{ $rhi }）和与{ $lo }（{ $rlo }）的联动难分高下：二者的95%置信区间有重叠。
corr-none = 此视图中无法计算{ $window }日滚动相关系数：请选择更长的区间或更短的窗口。
note-provisional = 最后一天的价格取自盘中（暂定值）。
method-corr = 所有市场均按美国交易日取样——比特币取同一日期UTC 24:00的收盘价，比纽约收盘晚几个小时——缺失的交易日不做延续填充。相邻交易日之间的日对数收益率（因此周一的比特币收益率包含周末）在两个市场都有收益率的最近N个交易日上计算相关系数：某一市场休市的日子（如哥伦布日和退伍军人节的债券市场）会被跳过，一个窗口最多回溯2 × N天。阴影带为95%置信区间（Fisher z变换，基于n个收益率）。

## Chart 2: ETF flows
flows-title = ETF资金：先流入，后流出
flows-lede = 美国现货比特币ETF于{ $btc }上市，以太坊ETF于{ $eth }上市。它们的每日净流量揭示了谁在买入，以及买家何时离场。
flows-lede-generic = 美国现货比特币和以太坊ETF的每日净流量揭示了谁在买入，以及买家何时离场。
embed-title-flows = 美国现货比特币与以太坊ETF每日净流量
asset-btc-in-sentence = 美国现货比特币ETF
asset-eth-in-sentence = 美国现货以太坊ETF
flows-shown-funds = { $asset }中所显示的基金
fund = { $ticker }
fund-others = 其他
period-daily = 每日
period-weekly = 每周
period-monthly = 每月
panel-flows = { $period }净流量，美元
panel-flows-short = { $period }，美元
panel-cumulative = 自上市（{ $from }）以来的累计净流量，美元
panel-cumulative-short = 累计，美元
series-net-flow = 净流量
series-cumulative = 上市以来累计
series-cumulative-shown = 上市以来累计（所显示的基金）
point-day = { $date }
point-week = { $date }当周
point-week-partial = { $date }当周（不完整）
point-month = { $month }
point-month-partial = { $month }（不完整）
point-week-provisional = { $date }当周（最后一天为暂定：盘中数据）
point-month-provisional = { $month }（最后一天为暂定：盘中数据）
point-trading-days = 交易日：{ $from } – { $to }
annotation-outflow = { $v }
flows-net-in = { $from }至{ $to }，{ $what }净流入{ $net }。
flows-net-out = { $from }至{ $to }，{ $what }净流出{ $net }。
flows-outflow-days = { $of }个交易日中有{ $n }个为净流出。
flows-largest-day = 单日最大流出：{ $date }，{ $v }。
flows-largest-week = 单周最大流出：{ $date }当周，{ $v }。
flows-largest-month = 单月最大流出：{ $month }，{ $v }。
flows-cumulative = 上市（{ $launch }）以来累计：{ $v }。
count-holiday = { $n }个市场假日
count-holidays = { $n }个市场假日
count-trading-day = { $n }个交易日
count-trading-days = { $n }个交易日
note-flows-units-day = 每个交易日的净流量（美元），流出为负值。图中只绘制交易日：此区间内的{ $holidays }为空缺，而非零流量日。
note-flows-units-week = 每周的净流量（美元，周一至周五各交易日之和），流出为负值。此区间内的{ $holidays }不计入所在的周。
note-flows-units-month = 每个自然月的净流量（美元，各交易日之和），流出为负值。此区间内的{ $holidays }不计入所在的月。
note-flows-whole-periods = 柱形按完整周期计算：第一根始于{ $first }，早于所选区间的起点（{ $from }），文中数字按完整周期计入。
note-flows-total = 绿色柱为净流入，橙红色柱为净流出；下方面板为上市以来的累计值。
note-flows-fund = 每种颜色代表一只基金（或其余基金合计）：零线以上为资金流入，零线以下为资金流出；下方面板为所显示基金的累计值。
note-verbatim = { $text }
note-series-ends = { $series }：数据截至{ $date }，其曲线在此结束。
note-series = { $series }：{ $text }
method-flows = 各基金每日净流量取自Farside Investors的公布数据；周度和月度柱形为现有交易日之和，超出数据范围的周期标记为不完整。
note-flows-gap = 数据检查剔除了{ $days }（第一个为{ $first }）：这些日子的资金流未知，因此不画柱形，累计曲线在此断开；断开之后为已公布日子的合计。

## Chart 3: the ETH burn
burn-title = ETH销毁
burn-lede = 自{ $london }起，每笔以太坊交易都会销毁其基础费用。销毁量超过新发行量时，ETH供应收缩；低于新发行量时，供应增长。
embed-title-burn = ETH销毁量与模型估算发行量对比
smoothing-mean7 = 7日均值
smoothing-daily = 每日值
series-burn = ETH销毁量
series-issuance = ETH发行量（模型）
series-issuance-measured = ETH发行量，实测（Coin Metrics，月均值）
series-net-supply = 净供应变化（模型）
series-since-london = 伦敦升级以来累计（模型）
series-since-merge = 合并以来累计（模型）
chip-since-london = 伦敦升级以来
chip-since-merge = 合并以来
panel-burn-rate = 每日ETH，{ $smoothing }：销毁与发行（线：模型；点：实测）
panel-burn-rate-log = 每日ETH，{ $smoothing }，对数坐标：销毁与发行（线：模型；点：实测）
panel-burn-rate-short = 每日ETH · 点：实测
panel-burn-rate-log-short = 每日ETH，对数坐标 · 点：实测
panel-net-supply = 净供应变化，每日ETH（{ $smoothing }，模型）· 0 = 持平，销毁等于发行
panel-net-supply-short = 净供应，每日ETH · 0 = 持平
panel-cumulative-supply = 累计净供应变化，ETH（线：模型；点：实测）
panel-cumulative-supply-short = 累计（模型），ETH · 点：实测
burn-summary-shrank = { $from }至{ $to }，ETH日均销毁{ $burn } ETH，模型估算日均发行约{ $issuance } ETH：供应减少约{ $net } ETH（模型）。
burn-summary-grew = { $from }至{ $to }，ETH日均销毁{ $burn } ETH，模型估算日均发行约{ $issuance } ETH：供应增加约{ $net } ETH（模型）。
burn-deflationary-days = { $of }天中有{ $n }天销毁量超过发行量。
burn-since-merge = 合并以来至{ $to }的净变化：{ $v } ETH（模型）。
note-issuance-nominal = 发行量为模型估算，并非实测：工作量证明时期每天{ $pow } ETH；合并之后每年{ $k } × √(质押ETH)，质押量采用CryptoQuant的ETH质押数据（已扣除提款）。没有可用于检验的实测供应数据。
note-issuance-calibrated = 发行量为模型估算，并以Coin Metrics的实测供应量校准：工作量证明时期每天{ $pow } ETH（区块奖励与叔块奖励）；合并之后每年{ $k } × √(质押ETH)，拟合区间为{ $fit_from } – { $fit_to }（月均误差{ $fit_mean }，最大误差{ $fit_max }，出现在{ $fit_max_month }）。
note-issuance-validation = 以未用于拟合的月份（{ $from } – { $to }）检验：月均误差{ $mean }，最大{ $max }，合计{ $total }。
note-issuance-band = 阴影带为±{ $band }，即拟合的最大月度误差；圆点为实测的月度发行量。
note-issuance-band-eras = 阴影带为模型在各时期的最大月度误差：工作量证明时期为±{ $pow }，合并之后为±{ $band }；圆点为实测的月度发行量。
method-burn = ETH销毁量为CryptoQuant的每日合计。发行量根据质押量建模；净供应变化为发行量减去销毁量，累计曲线分别自伦敦升级（{ $london }）和合并（{ $merge }）起累加。
control-burn-view = 显示
burn-view-supply = 供应量
burn-view-usd = 销毁额（美元）
burn-view-share = 手续费销毁占比
series-since-london-measured = 伦敦升级以来，实测（Coin Metrics，自{ $anchor }起的变化）
series-since-merge-measured = 合并以来，实测（Coin Metrics，自{ $anchor }起的变化）
remark-cumulative-error = 自{ $anchor }起模型 − 实测：{ $e } ETH（占实测发行量的{ $p }）
remark-cumulative-error-eth = 自{ $anchor }起模型 − 实测：{ $e } ETH
method-joined = { $a }{ $b }
method-burn-measured = 累计面板上的圆点是Coin Metrics实测的流通供应量，仅在每月第一天有数据：每条曲线的圆点从其基准日当天或之后的第一个实测日开始，显示实测供应量减去该日的供应量，并从曲线在该日的数值起绘制，因此圆点与曲线的距离就是模型自该日以来的误差。没有实测的月份没有圆点；不做任何插值。
series-burn-usd = ETH销毁额，美元（CryptoQuant的美元销毁额序列）
panel-burn-usd = ETH销毁额，美元/日，{ $smoothing }（CryptoQuant换算）
panel-burn-usd-log = ETH销毁额，美元/日，{ $smoothing }，对数刻度（CryptoQuant换算）
panel-burn-usd-short = 销毁额，美元/日
burn-usd-subtitle = 每日销毁的ETH按CryptoQuant换算的美元价值
burn-usd-headline = 截至{ $to }的{ $days }天​每日销毁额​约为{ $v }
burn-usd-summary = 在{ $from }至{ $to }的{ $days }天里，销毁的ETH平均每日价值{ $v }（CryptoQuant的美元数值）。
burn-usd-total = { $from }至{ $to }，共销毁价值{ $total }的ETH（{ $days }天，平均每日{ $mean }），每日按CryptoQuant的美元价值计。
burn-usd-peak = 最大的一天是{ $date }：{ $v }。
note-burn-usd = 美元数值来自CryptoQuant（即CryptoQuant对每日销毁ETH的美元估值）；多日合计是把不同日子的美元价值相加，而不是这些ETH今天的价值。
method-burn-usd = ETH销毁额（美元）为CryptoQuant的每日美元销毁额序列，以百万美元显示；7日线为每日数值的滞后均值，窗口内有缺口时不给出数值。
point-days = 有数据的日期：{ $from }至{ $to }
end-share = 销毁​占比
end-fees = 所付​手续费
panel-burn-share = 所付全部手续费（基础费用 + 小费）中被销毁的比例，%/月，按手续费加权
panel-burn-share-short = 手续费销毁占比，%/月
panel-burn-fees = 每月ETH：所付全部手续费（基础费用 + 小费）及其中被销毁的部分
panel-burn-fees-short = 每月ETH：手续费、销毁
series-share-burned = 手续费销毁占比（销毁 ÷ 全部手续费）
series-fees-month = 当月所付手续费，ETH（基础费用 + 小费）
series-burn-month = 当月销毁的ETH
burn-share-subtitle = 以太坊所付全部手续费（基础费用 + 小费）中被销毁的比例，逐月
burn-share-headline = { $month }​所付手续费中​有{ $share }​被销毁
burn-share-summary = { $month }，所付手续费中有{ $share }被销毁：手续费共{ $fees } ETH（基础费用 + 小费），其中销毁{ $burn } ETH。
burn-share-range = { $from }至{ $to }（{ $months }个月），所付全部手续费中有{ $share }被销毁：{ $fees } ETH中的{ $burn } ETH。
burn-share-extremes = 最低的月份是{ $lo_month }（{ $lo }），最高的是{ $hi_month }（{ $hi }）。
note-burn-share = 手续费为所付全部手续费（CryptoQuant的手续费总额：基础费用 + 小费，销毁前）；销毁量为伦敦升级以来按规则销毁的基础费用。某月的占比为当月销毁的ETH除以当月所付手续费，因此繁忙日子的权重高于清淡日子；缺少某天数据的月份不给出数值。
method-burn-share = 手续费销毁占比 = 每个自然月内 Σ 销毁ETH ÷ Σ 所付手续费（按手续费加权，而非每日占比的平均），数据来自CryptoQuant的销毁量和手续费总额序列；首月和末月可能不完整，标签会注明。

## CSV
csv-source = 来源：{ $sources }
csv-as-of = 数据截至{ $date }
csv-view = 视图：{ $url }
csv-date = 日期
csv-period = 周期
csv-ci-low = { $series } 95%置信区间下限
csv-ci-high = { $series } 95%置信区间上限
csv-n = { $series } n
csv-band-low = { $series } 误差带下限
csv-band-high = { $series } 误差带上限
csv-remark = { $series } 备注

## Axis ticks
tick-unit-large = { $n }亿
tick-unit-small = { $n }万
source-model = ETH发行量为模型估算，并非实测。
# 坐标轴数字以万（10⁴）和亿（10⁸）计：2.5万、400万、1.2亿。
-compact-tiers = 10000 10000 tick-unit-small, 100000000 100000000 tick-unit-large

## Languages (i18n)
lang-label = 语言
lang-name = 简体中文
lang-loading = 正在加载{ $lang }…
lang-failed = 无法加载{ $lang }文本，页面仍以英文显示。请重新加载页面重试。
# Money in 万 (US$10,000) below US$100m, in 亿 (US$100m) from there, whole 亿 from US$1bn
# (as precise as English's US$0.1bn): 5,000万美元, 9.03亿美元, 538亿美元.
-money-tiers = 0 0.01 0 -usd-m, 100 100 2 -usd-bn, 1000 100 0 -usd-bn


## Added with the publication pass, findings, the lens and the story
share-embed-controls = 在嵌入中包含图表控件
corr-headline-more = 比特币​如今​与{ $hi }​的联动​强于{ $lo }
corr-headline-equal = 比特币​与{ $hi }​和{ $lo }​的联动​难分高下
corr-headline-more-then = { $month }，​比特币​与{ $hi }​的联动​强于{ $lo }
corr-headline-equal-then = { $month }，​比特币​与{ $hi }​和{ $lo }​的联动​难分高下
corr-headline-one = 比特币​与{ $with }​的联动程度
corr-subtitle = 比特币日收益率的{ $window }日滚动相关系数（阴影为95%置信区间）；价格以100为基数
corr-subtitle-regimes = 比特币日收益率的{ $window }日滚动相关系数（色带为95%置信区间；着色：某一市场明显更相关）；价格以100为基数
corr-summary-ended = { $summary }{ $market }未参与排序：其数据止于{ $date }。
corr-summary-ended-many = { $summary }{ $markets }未参与排序：其数据结束得更早。
corr-summary-more = { $date }，比特币与{ $hi }的{ $window }日相关系数为{ $rhi }，明显高于{ $lo }的{ $rlo }。
corr-summary-equal = { $date }，比特币与{ $hi }的{ $window }日相关系数为{ $rhi }，与{ $lo }为{ $rlo }：二者的95%置信区间有重叠。
corr-summary-one = { $date }，比特币与{ $with }的{ $window }日相关系数为{ $r }（95%置信区间{ $lo }至{ $hi }）。
flows-headline-below-peak = { $asset }​累计净流入{ $cum }，比{ $peak_month }​的{ $peak_kind }​低{ $gap }
flows-headline-below-range-peak = { $asset }​累计净流入{ $cum }，比此区间内{ $peak_month }​的{ $peak_kind }​低{ $gap }
flows-headline-in = { $asset }​在此期间​净流入{ $net }
flows-headline-out = { $asset }​在此期间​净流出{ $net }
flows-subtitle = { $asset }的{ $period }净流量（美元）及自上市以来的累计值
flows-summary = { $from }至{ $to }，净流量为{ $net }。
flows-summary-peak = { $from }至{ $to }，净流量为{ $net }；累计值的{ $peak_kind }出现在{ $peak_date }，为{ $peak }，期末为{ $cum }。
flows-summary-peak-launch = { $from }至{ $to }，净流量为{ $net }；累计值的{ $peak_kind }出现在{ $peak_date }，为{ $peak }。
peak-daily = 峰值
peak-weekly = 周末峰值
peak-monthly = 月末峰值
burn-headline-growing = { $month }​ETH供应​在增长：销毁量​低于​发行量（模型）
burn-headline-shrinking = { $month }​ETH供应​在收缩：销毁量​超过​发行量（模型）
burn-subtitle = 每日ETH销毁量与发行量、净供应变化及累计供应变化；发行量为模型估算
burn-summary = 截至{ $to }的{ $days }天里，日均销毁{ $burn } ETH，而发行约{ $issuance } ETH（模型）。
cp-qqq-short = 纳指
cp-gld-short = 黄金
cp-eth-short = 以太坊
cp-spy-short = 标普500
cp-dbc-short = 大宗商品
cp-dgs10-short = 10年期​收益率
end-issued-band = 发行（模型）±{ $pct }
end-issued = 发行（模型）
end-burned = 销毁
end-net = 净变化（模型）
end-london = 伦敦升级​以来
end-merge = 合并以来
end-partial-month = { $label }（{ $month }不完整）
end-partial-week = { $label }（{ $date }当周不完整）
end-cumulative = 累计
point-day-provisional = { $date }（暂定：盘中数据）
data-end = 数据截至：{ $date }
note-corr-yield = 10年期收益率按其每日变化计算相关性。
control-regimes = 着色时段：纳斯达克100
regime-vs = 对比{ $vs }
key-provisional = 最后一日：盘中数据
regime-key = 与{ $leader }明显更紧密
regime-rule = 着色时段：至少{ $k }个交易日内，比特币与其中一个市场的{ $window }日相关系数高于另一个，且两者95%置信区间不重叠（纳斯达克100对比{ $vs }）。
regime-rule-hidden = 至少{ $k }个交易日内，比特币与其中一个市场的{ $window }日相关系数高于另一个，且两者95%置信区间不重叠的时期（纳斯达克100对比{ $vs }）；其中任一条线隐藏时不着色。
regime-none = 在此视图中，没有任何至少{ $k }个交易日的时期，比特币与纳斯达克100和与{ $vs }的{ $window }日相关系数差异超出其95%置信区间。
regime-period = { $from }至{ $to }（{ $days }天）：与{ $leader }联动更强（均值{ $r_lead }），高于{ $other }（{ $r_other }）。
btc-lower = 比特币
eth-lower = 以太坊
leadlag-title = 资金流是否领先{ $coin }价格？每日净流量与每日收益率的相关系数，{ $from }至{ $to }
leadlag-lag = { $k }
leadlag-key = 每根柱：某日净流量与相隔若干个交易日的收益率的相关系数（r）。阴影带为仅凭偶然在95%的情况下可达到的范围；超出该带的柱颜色更深，最强的关联标有数值。
leadlag-axis = 滞后（交易日）
leadlag-left = ← 资金流跟随价格
leadlag-right = 资金流领先价格 →
leadlag-bar = 滞后{ $k }个交易日：r = { $r }（n = { $n }；随机波动范围±{ $band }）
leadlag-bar-none = 滞后{ $k }个交易日：天数太少，无法计算
leadlag-follow = 资金流跟随{ $coin }价格：最强的关联是与{ $days }前的收益率，r = { $r }（n = { $n }；随机波动不超过±{ $band }）。之后的任何一天都没有同样强的关联，因此资金流并不领先。
leadlag-lead = 资金流领先{ $coin }价格：最强的关联是与{ $days }后的收益率，r = { $r }（n = { $n }；随机波动不超过±{ $band }）。
leadlag-same-day = 资金流与{ $coin }价格同日变动：r = { $r }（n = { $n }；随机波动不超过±{ $band }）；任何方向的领先都没有这么强。
leadlag-link = 滞后{ $k }（r = { $r }）
leadlag-follow-close = 资金流与{ $coin }价格在同一天或其后联动：最强的关联{ $links }差距太小，无法排序（其95%置信区间相互重叠）。资金流在先的任何一天都没有同样强的关联，因此资金流并不领先；随机波动不超过±{ $band }。
leadlag-lead-close = 资金流与{ $coin }价格在同一天或其前联动：最强的关联{ $links }差距太小，无法排序（其95%置信区间相互重叠）。资金流在后的任何一天都没有同样强的关联；随机波动不超过±{ $band }。
leadlag-unclear = 资金流与{ $coin }收益率之间最强的关联{ $links }差距太小，无法排序，且分处两侧，因此这些数据无法说明资金流是领先还是跟随；随机波动不超过±{ $band }。
leadlag-none = 没有明显的领先关系：在此区间内，资金流与{ $coin }收益率在任何滞后下的相关性都未超出随机范围。
leadlag-too-few-priced = 天数不足，无法比较滞后：在某个滞后上，此区间内资金流与{ $coin }的收益只有{ $pairs }可以配对，而每个滞后需要{ $needed }。
leadlag-too-few-priced-end = { $why }价格数据止于{ $end }。
leadlag-too-short = 此区间太短，无法比较滞后：至少需要{ $days }个交易日。
lens-heading = 事件透镜
lens-intro = 选择一个事件：所有图表都会移到该事件，并有一张表对比事件前后的交易日。
lens-pick = 事件
lens-none = 无事件
lens-days-label = 事件前后的交易日数
lens-days = { $n }天
lens-rule = 将事件前{ $n }个交易日（截至前一日）与自事件当日起的{ $n }个交易日对比；n为有数据的天数。
lens-title = { $event }，{ $date }
lens-notice = 事件透镜：{ $event }，{ $date }。每张图表都显示{ $from }至{ $to }；透镜位于页面底部。
lens-notice-day = 事件透镜：{ $date }。每张图表都显示{ $from }至{ $to }；透镜位于页面底部。
lens-clear = 显示全部数据
lens-col-measure = 指标
lens-col-before = 之前
lens-col-after = 之后
lens-value = { $v }（n = { $n }）
lens-short = 未覆盖：数据中只有{ $needed }天中的{ $available }天
lens-starts = 未覆盖：该序列始于{ $date }
lens-ends = 未覆盖：该序列止于{ $date }
lens-missing = 未覆盖：{ $of }天中有{ $days }天无数据
lens-no-data = 无数据
lens-btc-flows = 美国现货比特币ETF净流量
lens-eth-flows = 美国现货以太坊ETF净流量
lens-btc-return = 比特币价格变化
lens-burn = ETH日均销毁量
lens-corr = 与{ $with }的{ $window }日相关系数均值
story-corr = { $date }为{ $r }（95%置信区间{ $lo }至{ $hi }）
story-usd-m = { $v }
story-usd-m-on = { $date }为{ $v }
story-usd = { $v }美元
story-eth-per-day = 每天{ $v } ETH
story-eth = { $v } ETH
story-date = { $date }
story-error-placeholder = 此步骤无法显示：“{ $placeholder }”在这些数据中没有对应的计算值。
story-error-view = 此步骤无法显示：其视图“{ $pair }”不是本页的设置。
story-error-view-section = 此步骤无法显示：其视图未指定图表（section=…）。
story-error-file = 无法显示故事：{ $detail }
story-label = 分步讲述
story-step-of = 第{ $n }步，共{ $of }步
story-previous = 上一步
story-next = 下一步
story-explore = 自由探索
story-start = 逐步阅读这个故事

## Accessibility: tables, descriptions, keyboard
skip-to-charts = 跳到图表
table-show = 表格
table-caption = { $title }：{ $how }（{ $n }行）
table-rollup-none = 图表中每个点一行
table-rollup-week = 每周一行：曲线取该周最后一个值，柱形取该周合计
table-rollup-month = 每月一行：曲线取该月最后一个值，柱形取该月合计
table-col-series = { $series }：{ $unit }
unit-eth-day = 每日ETH
unit-eth = ETH
unit-eth-month = 每月ETH
table-col-date = 日期
table-col-period = 期间
table-col-week = 周
table-col-month = 月
chart-desc-series = 图表显示：{ $series }。
chart-desc-sources = 来源：{ $sources }。
chart-keys = 用← →逐日移动，PageUp/PageDown按月移动，Esc关闭。
chart-point = { $title }：{ $values }
chart-point-value = { $series } { $value }
note-validation = 数据检查：{ $text }
note-validation-file = 数据文件检查：{ $text }
stats-regimes-title = 分段时期，纳斯达克100与{ $vs }（与比特币的{ $window }日相关系数；至少{ $k }个交易日95%区间互不重叠）
stats-leadlag-title = ETF净流入与{ $coin }日收益率的领先–滞后关系，{ $from }至{ $to }
stats-model-title = 发行量模型与Coin Metrics实测发行量的逐月对比
stats-col-leader = 联动更强的市场
stats-col-from = 起
stats-col-to = 止
stats-col-days = 交易日数
stats-col-mean-r = 与{ $with }的平均相关系数
stats-col-lag = 滞后（交易日；− 资金流跟随，+ 资金流领先）
stats-col-r = r
stats-col-n = n
stats-col-band = 95%随机区间（±）
stats-col-outside = 超出区间
stats-yes = 是
stats-no = 否
stats-col-month = 月份
stats-col-measured-issuance = 实测发行量，ETH
stats-col-modelled-issuance = 模型发行量，ETH
stats-col-error-eth = 模型 − 实测，ETH
stats-col-error-pct = 模型 − 实测，%
stats-model-none = 没有可用于检验模型的实测供应量。
stats-model-out-of-range = 此区间内没有哪个月在月初和下月初都有实测供应量。
table-stats-label = { $title }：图表下方文字所依据的数字
readout-hint = 触摸图表即可读取数值。
events-list-label-embed = 图中事件：
events-list-label = 事件（选择一个在事件透镜中打开）：
event-item = #{ $n } · { $date } · { $event }
event-item-labelled = { $date } · { $event }

## Snapshot texts (snapshot-…): the builder's English, translated
# Event labels and descriptions from the events file and the builder's series notes, keyed
# by date and label (events) or series id, plus a hash of the English text (crates/core/src/
# text/data.rs): when the snapshot's English changes, the key changes and a test lists the
# line to write here. English has no such lines: it shows the snapshot's text.
snapshot-event-2021-08-05-eip-1559-london = EIP-1559（伦敦升级）
snapshot-event-2021-08-05-about-b9e34ab7 = 伦敦升级开始销毁每笔以太坊交易的基础费用。
snapshot-event-2022-09-15-the-merge = 以太坊合并
snapshot-event-2022-09-15-about-1f0b2180 = 以太坊从工作量证明转向权益证明；新发行量下降约89%。
snapshot-event-2022-11-11-ftx-collapse = FTX崩盘
snapshot-event-2022-11-11-about-1aca1517 = 交易所遭挤兑后，FTX申请破产。
snapshot-event-2023-11-10-cme-oi-passes-binance = CME持仓量超过币安
snapshot-event-2023-11-10-about-fc397b8e = CME比特币期货的未平仓合约量超过币安：机构主导期货市场。
snapshot-event-2024-01-11-us-spot-btc-etfs = 美国现货BTC ETF
snapshot-event-2024-01-11-about-27855707 = 首批美国现货比特币ETF开始交易。
snapshot-event-2024-03-13-dencun-blobs = 坎昆升级（数据块）
snapshot-event-2024-03-13-about-2dd063cc = EIP-4844引入的数据块使二层网络的数据变得便宜；手续费活动移出主网。
snapshot-event-2024-07-23-us-spot-eth-etfs = 美国现货ETH ETF
snapshot-event-2024-07-23-about-fb778e3d = 首批美国现货以太坊ETF开始交易。
snapshot-event-2025-10-06-btc-closing-high = BTC收盘新高
snapshot-event-2025-10-06-about-c1b81dc1 = 比特币的最高日收盘价（Yahoo Finance数据约为12.48万美元）。
snapshot-event-2025-10-10-liquidation-cascade = 连环清算
snapshot-event-2025-10-10-about-478b4c17 = 10月10日至11日：有记录以来规模最大的连环清算，超过190亿美元的加密货币杠杆头寸被清算；BTC在10日收盘下跌7%。
snapshot-event-2025-11-20-big-etf-outflow-day = ETF大额流出日
snapshot-event-2025-11-20-about-69802e52 = 美国现货比特币ETF单日净流出9.032亿美元。
snapshot-event-2026-02-05-early-feb-flush = 二月初抛售
snapshot-event-2026-02-05-about-d729e6ed = 比特币收于约6.27万美元，单日下跌14%，为二月初抛售中的低点。
snapshot-note-btc-usd-c340e748 = 每日UTC 24:00的收盘价。
snapshot-note-eth-usd-9bc5b138 = 每日收盘价。
snapshot-note-qqq-1e25b5a1 = 2025年12月之前按股息调整，之后未调整：2025年12月19日及之前为股息调整后的收盘价，2025年12月22日起为未调整的收盘价，因此跨越此后除息日的收益率包含除息造成的下跌（约0.1–0.4%）。
snapshot-note-gld-9bc5b138 = 每日收盘价。
snapshot-note-spy-e7448556 = 2025年12月之前按股息调整，之后未调整：2025年12月18日及之前为股息调整后的收盘价，2025年12月19日起为未调整的收盘价，因此跨越此后除息日的收益率包含除息造成的下跌（约0.1–0.4%）。
snapshot-note-dbc-e0cfb6fe = 每日收盘价：Yahoo的DBC文件截至2026年6月5日，之后由一份较晚的Yahoo副本延续至2026年8月7日，两者在每个共同交易日上一致（在Yahoo的单精度浮点精度内）；每个数据点都是完整的一天。
snapshot-note-dgs10-4fabead5 = FRED下载数据与FRED缓存合并，缓存将其延长；两者在共同日期上完全一致。
snapshot-note-eth-staked-7859b0cb = CryptoQuant的质押总量：存入质押合约的ETH扣除提款后的净额（自2023年4月12日上海升级起可以提款），即CryptoQuant所测量的质押量。保留到1 ETH（数据源发布的是未经舍入的总和）。
snapshot-note-eth-burn-bbb54bec = CryptoQuant每日销毁的基础费用总额，保留到0.001 ETH（数据源发布的是未经舍入的总和）。
snapshot-note-eth-burn-usd-c12b34f0 = CryptoQuant每日销毁的基础费用总额，按美元计价，保留到1美元（数据源发布的是未经舍入的总和）。
snapshot-note-eth-fees-4c0d9c57 = CryptoQuant每日支付的手续费总额（基础费用加小费），保留到0.001 ETH（数据源发布的是未经舍入的总和）。
snapshot-note-eth-supply-cm-10f292e2 = 每月第一天的当前ETH供应量（另加2025年12月20日），精确到0.001 ETH；数据源中2025年12月21日的空行未纳入。
snapshot-note-flows-eth-8874972c = 所有基金在12个交易日均显示为零，最近一次为2026年8月14日：Farside将没有资金流动的日子记为0，但一整行零也可能是未完成的更新。

## Start-up screens (index.html and public/boot.js, before the app runs)
boot-intro = 比特币与科技股和黄金的相关性、流入和流出美国现货比特币及以太坊ETF的资金，以及以太坊的手续费销毁与发行量之比——三张交互式图表，在您的浏览器中根据真实数据计算。
boot-noscript = 交互式图表需要JavaScript，但此浏览器中的JavaScript已关闭或不可用。请开启JavaScript并重新加载页面以查看图表。
boot-loading = 正在加载交互式图表…
boot-slow = 加载时间比预期的长。
boot-reload = 重新加载页面
boot-reload-after = 以重试。
boot-progress = 正在下载交互式图表
boot-amount = { $loaded }，共{ $total }
boot-downloaded = 已下载{ $loaded }
boot-kb = { $n } KB
boot-still-loading = 仍在加载交互式图表…加载时间比平常长。
boot-failed = 无法启动交互式图表。请检查网络连接，然后重新加载页面重试。
