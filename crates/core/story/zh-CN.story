# The guided story in Simplified Chinese: the same steps, the same views and the same
# placeholders as en.story (a test in crates/core/src/views/story.rs checks it), only the
# words differ. Format and placeholders: the header of en.story. A continuation line that
# starts or ends with Chinese text is joined without a space.

[step]
title = 比特币​曾与​纳斯达克​同涨同跌
view = c.with=qqq,gld&c.window=90&c.range=2025-01-01..2026-02-06&section=correlation
text = 2025年全年，比特币的日收益率在一定程度上随科技股波动。它与纳斯达克100指数（QQQ）的90日相关系数
  在{corr qqq 90 2025-06-30}，而{corr qqq 90 2026-02-06}，依然不低——正是比特币在抛售中收于
  {btc-close 2026-02-05}的那一周。与黄金的相关性则较弱：{corr gld 90 2026-02-06}。

[step]
title = 脱钩​始于春季，而非二月
view = c.with=qqq,gld&c.window=90&c.range=2025-09-01..2026-08-21&section=correlation
text = 二月的抛售并没有切断这种联系。与纳斯达克100指数的相关性在春季逐步减弱：
  {corr qqq 90 2026-04-30}，截至{corr-latest qqq 90}。与黄金的相关性在夏季上升：
  {corr gld 90 2026-05-29}，截至{corr-latest gld 90}。两者的95%置信区间仍有重叠：数据显示的是一种转变，
  尚不能说明黄金已明显超过纳斯达克。

[step]
title = 2025年​整体资金​净流入
view = f.etf=btc&f.agg=month&f.range=2024-01-01..2025-12-31&section=flows
text = 2025年，美国现货比特币ETF净流入{flows-sum btc 2025-01-01 2025-12-31}，上市首年为
  {flows-sum btc 2024-01-01 2024-12-31}；以太坊ETF在2025年净流入{flows-sum eth 2025-01-01 2025-12-31}。
  资金并非单向流动：净流出最多的月份是二月（{flows-sum btc 2025-02-01 2025-02-28}）和十一月
  （{flows-sum btc 2025-11-01 2025-11-30}）。

[step]
title = 自十月峰值起，资金撤离
view = f.etf=btc&f.agg=day&f.range=2025-09-01..2026-08-21&section=flows
text = 上市以来累计净流入的峰值：{flows-cum-peak btc 2024-01-01 2026-08-21}，恰在比特币最高收盘价
  （{date 2025-10-06}的{btc-close 2025-10-06}）前后，也就在{date 2025-10-10}的连环清算之前。十一月的净流量为
  {flows-sum btc 2025-11-01 2025-11-30}，其中{date 2025-11-20}一天就占{flows-day btc 2025-11-20}。
  目前的累计总额：{flows-cum btc 2026-08-21}。

[step]
title = 合并之后，销毁​超过了发行
view = b.smooth=7d&b.range=2022-09-16..2024-03-12&section=burn
text = 在以太坊合并与坎昆升级之间（{date 2022-09-16}至{date 2024-03-12}），以太坊平均
  {burn-mean 2022-09-16 2024-03-12}被销毁，而模型估算的发行量约为{issuance-mean 2022-09-16 2024-03-12}：
  按模型计算，供应量在收缩，净变化为{supply-change 2022-09-16 2024-03-12}。

[step]
title = 随后销毁​跌破发行，供应量​再度增长
view = b.smooth=7d&b.range=2024-01-01..2026-08-21&section=burn
text = 坎昆升级（{date 2024-03-13}）让二层网络的数据变得便宜，此后销毁量下降：2025年为
  {burn-mean 2025-01-01 2025-12-31}，而模型估算的发行量约为{issuance-mean 2025-01-01 2025-12-31}。
  按模型计算，供应量再度增长：从坎昆升级到{burn-last}，净变化为{supply-change 2024-03-13 2026-08-21}。
  发行量是模型估算，而非实测：请把这些数字看作估计值，而非计数。

[step]
title = 哪些是实测，哪些是模型
view = b.smooth=7d&b.range=All&section=burn
text = 价格（Yahoo Finance、FRED）和ETF资金流（Farside Investors）为实测数据，截至{as-of}；
  ETH销毁量（CryptoQuant）截至{burn-last}。ETH发行量并非每日公布：本页根据ETH质押量建立模型，
  并用Coin Metrics实测的供应量检验该模型，因此这里的每个供应量数字都是估计值。相关系数描述的是两个市场
  在一个时间窗口内如何共同波动，并附有95%置信区间；它并不说明原因。
