# English. One message per line: `id = text` with `{ $name }` placeholders; indented lines
# continue the message above. Ids starting with `-` are formats the formatter uses.

## Formats
-date = { $day } { $month } { $year }
-month-year = { $month } { $year }
-day-month = { $day } { $month }
-year = { $year }
-usd-m = ${ $n }m
-usd-bn = ${ $n }bn
-usd-k = ${ $n }k
-percent = { $n }%
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
no-value = no value
value = { $v }
value-with-ci = { $v } (95% CI { $lo } to { $hi }, n = { $n })
value-with-band = { $v } (model error band { $lo } to { $hi })
value-with-remark = { $value } · { $remark }
remark-model-error = model error that month { $e }
empty =
# Two items of a list (series, providers): joined pairwise, left to right.
-list-pair = { $a }, { $b }
# The last two items of a list in a sentence ("A, B and C").
-list-and = { $a } and { $b }

## Page
page-kicker = Data explainer
page-title = The 2025–26 crypto repricing, in three charts
page-intro = Three questions about the 2025–26 crypto repricing, answered with real data computed in your browser.
toc-label = Contents
toc-correlation = Does bitcoin still move with the Nasdaq?
toc-flows = Where did the ETF money go?
toc-burn = Is ETH still deflationary?
footer-data = Data: { $providers }. ETH issuance is a model, not a measurement. Nothing here is investment advice.
loading = Loading the data…
embed-link = Open the full explainer: the 2025–26 crypto repricing, in three charts ↗
section-number = { $n } · { $title }

## Errors
load-not-arrived = The data file did not arrive. Check your connection and reload to try again.
load-damaged = The data file was damaged on its way to you. Reload to try again.
load-other-version = The data file belongs to another version of this page. Reload to get the matching one.
load-modified = The data file was modified after it was built (it no longer matches its checksum), so no chart is drawn from it. Reload to try again.
load-unusable = The data file did not pass this page’s checks, so nothing can be drawn from it.
error-chart-data = This chart’s data could not be read: { $detail }.
error-load = The data could not be loaded.
error-detail = Technical detail
error-chart-title = This chart cannot be shown.
retry = Retry
warn-counterpart = { $name }: { $detail }
empty-market-range = Too few market days in this range to draw: pick a longer range.
empty-market-before = No market data in this range: the price data begin on { $date }.
empty-market-after = No market data in this range: the price data end on { $date }.
empty-flows-range = No flows in this range: pick a longer range.
empty-flows-before = No flows in this range: { $asset } began trading on { $date }.
empty-flows-after = No flows in this range: the flow data end on { $date }.
empty-burn-range = Too few days of burn data in this range to draw: pick a longer range.
empty-burn-before = No burn data in this range: the burn data begin on { $date }.
empty-burn-after = No burn data in this range: the burn data end on { $date }.
empty-share-range = Too few months in this range to draw the share: pick a range of two months or more.
draw-error = The chart could not be drawn.
no-canvas = This browser cannot draw the chart (no 2D canvas).

## Controls
control-compare = Bitcoin vs
control-window = Rolling window
control-range = Range
control-from = From
control-to = To
control-etfs = ETFs
control-bars = Bars
control-aggregation = Aggregation
control-funds = Funds
control-lines = Lines
control-smoothing = Smoothing
window-days = { $n }d
range-3m = 3M
range-6m = 6M
range-1y = 1Y
range-2y = 2Y
range-5y = 5Y
range-all = All
asset-btc = Bitcoin ETFs
asset-eth = Ether ETFs
bars-total = Total
bars-fund = By fund
agg-day = Daily
agg-week = Weekly
agg-month = Monthly
smoothing-mean7-button = 7-day mean
smoothing-daily-button = Daily

## Share
share-link = Link
share-embed-controls = Include the chart’s controls in the embed
share-embed = Embed
share-csv = CSV
share-png = PNG
share-copy = Copy
share-copied = Copied.
share-copy-failed = Your browser blocked copying here: select the text and press Ctrl+C (⌘C).
share-label = Share and export
share-link-label = Link to this view
share-embed-label = Embed code for this view (paste into your article’s HTML)
embed-iframe-title = { $title } — interactive chart
credit-line = Source: { $providers } · Data as of { $date } · computed in the browser from the bundled snapshot
credit-line-model = Source: { $providers } · issuance is a model · Data as of { $date } · computed in the browser from the bundled snapshot
source-line = Source: { $providers }. Data as of { $date }.
method-label = How this is computed

## Headlines, subtitles and summaries (computed for the view)
corr-headline-more = Bitcoin now moves more with { $hi } than with { $lo }
corr-headline-equal = Bitcoin’s ties to { $hi } and { $lo } are too close to rank
corr-headline-more-then = In { $month } bitcoin moved more with { $hi } than with { $lo }
corr-headline-equal-then = In { $month } bitcoin’s ties to { $hi } and { $lo } were too close to rank
corr-headline-one = How closely bitcoin moves with { $with }
corr-subtitle = Rolling { $window }-day correlation of daily returns with bitcoin (shaded: 95% interval); prices indexed to 100
corr-subtitle-regimes = Rolling { $window }-day correlation of daily returns with bitcoin (bands: 95% intervals; tinted: one market clearly closer); prices indexed to 100
corr-summary-ended = { $summary } { $market } is not ranked: its data end on { $date }.
corr-summary-ended-many = { $summary } { $markets } are not ranked: their data end earlier.
corr-summary-more = On { $date } bitcoin’s { $window }-day correlation with { $hi } was { $rhi }, clearly above { $lo }’s { $rlo }.
corr-summary-equal = On { $date } bitcoin’s { $window }-day correlation with { $hi } was { $rhi } and with { $lo } { $rlo }; their 95% intervals overlap.
corr-summary-one = On { $date } bitcoin’s { $window }-day correlation with { $with } was { $r } (95% CI { $lo } to { $hi }).
flows-headline-below-peak = { $asset } have taken in { $cum } net, { $gap } below the { $peak_month } { $peak_kind }
flows-headline-below-range-peak = { $asset } have taken in { $cum } net, { $gap } below this range’s { $peak_kind } in { $peak_month }
flows-headline-in = { $asset } took in { $net } net in this period
flows-headline-out = { $asset } lost { $net } net in this period
flows-subtitle = { $period } net flows of { $asset }, US$, and the running total since launch
flows-summary = From { $from } to { $to } the net flow was { $net }.
flows-summary-peak = From { $from } to { $to } the net flow was { $net }; the running total’s { $peak_kind } was { $peak } on { $peak_date }, and it ended at { $cum }.
flows-summary-peak-launch = From { $from } to { $to } the net flow was { $net }; the running total’s { $peak_kind } was { $peak } on { $peak_date }.
# What a peak of the running total is, by bar length (weekly and monthly bars carry
# the total at each period's end).
peak-daily = peak
peak-weekly = week-end peak
peak-monthly = month-end peak
burn-headline-growing = ETH supply was growing in { $month }: burn below issuance (model)
burn-headline-shrinking = ETH supply was shrinking in { $month }: burn above issuance (model)
burn-subtitle = ETH burned and issued per day, the net supply change and the cumulative supply change; issuance is modelled
burn-summary = Over the { $days } days to { $to } the burn averaged { $burn } ETH a day against about { $issuance } issued (model).

## Chart 1: correlation
corr-title = Bitcoin’s correlation regime
corr-lede = The rolling correlation of daily returns shows how closely bitcoin has moved with other
    markets, and whether that has changed.
embed-title-correlation = Bitcoin’s rolling correlation with the Nasdaq-100 and gold
btc = Bitcoin
cp-qqq = Nasdaq-100 (QQQ)
cp-gld = Gold (GLD)
cp-eth = Ether (ETH)
cp-spy = S&P 500 (SPY)
cp-dbc = Commodities (DBC)
cp-dgs10 = 10-year yield
cp-qqq-short = Nasdaq
cp-gld-short = Gold
cp-eth-short = Ether
cp-spy-short = S&P 500
cp-dbc-short = Commodities
cp-dgs10-short = 10y yield
end-issued-band = Issued (model) ±{ $pct }
end-issued = Issued (model)
end-burned = Burned
end-net = Net (model)
end-london = Since London
end-merge = Since the Merge
end-partial-month = { $label } ({ $month } partial)
end-partial-week = { $label } (week of { $date } partial)
end-cumulative = Running total
point-day-provisional = { $date } (provisional, taken intraday)
data-end = Data end: { $date }
cp-qqq-in-sentence = the Nasdaq-100
cp-gld-in-sentence = gold
cp-eth-in-sentence = ether
cp-spy-in-sentence = the S&P 500
cp-dbc-in-sentence = commodities
cp-dgs10-in-sentence = the 10-year yield
series-corr = { $name } · corr.
series-index = { $name } · index
panel-corr = { $window }-day rolling correlation of daily returns with bitcoin
panel-corr-short = { $window }-day correlation with bitcoin
panel-index = Price, indexed to 100 on { $start }
panel-index-short = Price, 100 = { $start }
corr-latest = { $window }-day correlation of bitcoin with { $with }: { $r } on { $date }.
corr-latest-flat = { $window }-day correlation of bitcoin with { $with }: { $r } on { $date }, little changed from { $r0 } on { $date0 }{ $peak }.
corr-latest-up = { $window }-day correlation of bitcoin with { $with }: { $r } on { $date }, up from { $r0 } on { $date0 }{ $peak }.
corr-latest-down = { $window }-day correlation of bitcoin with { $with }: { $r } on { $date }, down from { $r0 } on { $date0 }{ $peak }.
corr-peak = , after peaking at { $r } on { $date }
corr-compare = On { $date } bitcoin moved more with { $hi } ({ $rhi }) than with { $lo } ({ $rlo }); their 95% intervals do not overlap.
corr-compare-overlap = On { $date } bitcoin’s correlations with { $hi } ({ $rhi }) and with { $lo } ({ $rlo }) could not be told apart: their 95% intervals overlap.
corr-none = No { $window }-day rolling correlation can be computed in this view: pick a longer range or a shorter window.
note-corr-yield = The 10-year yield is correlated through its daily change.
note-provisional = The last day’s prices were taken intraday (provisional).
method-corr = Every market is sampled on US trading days — bitcoin at its 24:00 UTC close of the same
    date, a few hours after the New York close — and nothing is carried over a missing day. Daily log
    returns between consecutive trading days (so Monday’s bitcoin return includes the weekend) are
    correlated over the last N trading days on which both markets have a return: a day one market is
    closed (the bond market on Columbus and Veterans Day) is skipped, and a window may reach back at
    most 2 × N days. The shaded band is the 95% confidence interval (Fisher z, from n returns).

control-regimes = Tinted periods: Nasdaq-100
regime-vs = vs { $vs }
key-provisional = last day: intraday
regime-key = { $leader } clearly closer
regime-rule = Tinted columns: periods of at least { $k } trading days in which bitcoin’s { $window }-day correlation with one market was above the other’s with no overlap of their 95% intervals (Nasdaq-100 vs { $vs }).
regime-rule-hidden = Periods of at least { $k } trading days in which bitcoin’s { $window }-day correlation with one market was above the other’s with no overlap of their 95% intervals (Nasdaq-100 vs { $vs }); not tinted while either line is hidden.
regime-none = No period of at least { $k } trading days in this view in which bitcoin’s { $window }-day correlation with the Nasdaq-100 and with { $vs } differed beyond their 95% intervals.
regime-period = { $from } – { $to } ({ $days } days): more with { $leader } (mean { $r_lead }) than with { $other } ({ $r_other }).

## Chart 2: ETF flows
flows-title = The ETF money: in, then out
flows-lede = US spot bitcoin ETFs opened on { $btc } and ether ETFs on { $eth }. Their daily net flows
    show who was buying — and when the buyers left.
flows-lede-generic = The daily net flows of US spot bitcoin and ether ETFs show who was buying — and when the buyers left.
embed-title-flows = US spot bitcoin and ether ETF daily net flows
asset-btc-in-sentence = US spot bitcoin ETFs
asset-eth-in-sentence = US spot ether ETFs
flows-shown-funds = the funds shown of { $asset }
fund = { $ticker }
fund-others = Others
period-daily = Daily
period-weekly = Weekly
period-monthly = Monthly
panel-flows = { $period } net flow, US$
panel-flows-short = { $period }, US$
panel-cumulative = Cumulative net flow since launch ({ $from }), US$
panel-cumulative-short = Cumulative, US$
series-net-flow = Net flow
series-cumulative = Cumulative since launch
series-cumulative-shown = Cumulative since launch, funds shown
point-day = { $date }
point-week = Week of { $date }
point-week-partial = Week of { $date } (partial)
point-month = { $month }
point-month-partial = { $month } (partial)
point-week-provisional = Week of { $date } (its last day provisional, taken intraday)
point-month-provisional = { $month } (its last day provisional, taken intraday)
point-trading-days = Trading days: { $from } – { $to }
annotation-outflow = { $v }
flows-net-in = From { $from } to { $to }, { $what } took in a net { $net }.
flows-net-out = From { $from } to { $to }, { $what } lost a net { $net }.
flows-outflow-days = { $n } of { $of } trading days were net outflows.
flows-largest-day = Largest outflow day: { $v } on { $date }.
flows-largest-week = Largest outflow week: { $v } in the week of { $date }.
flows-largest-month = Largest outflow month: { $v } in { $month }.
flows-cumulative = Cumulative since launch ({ $launch }): { $v }.
# A count with its noun, singular and plural.
count-holiday = { $n } market holiday
count-holidays = { $n } market holidays
count-trading-day = { $n } trading day
count-trading-days = { $n } trading days
note-flows-units-day = Net flows in US dollars per trading day; outflows negative. Only trading days are drawn: { $holidays } in this range are gaps, not zero-flow days.
note-flows-units-week = Net flows in US dollars per week (Monday to Friday, the sum of its trading days); outflows negative. { $holidays } in this range add nothing to their weeks.
note-flows-units-month = Net flows in US dollars per calendar month (the sum of its trading days); outflows negative. { $holidays } in this range add nothing to their months.
note-flows-whole-periods = Bars are whole periods: the first begins on { $first }, before the range’s start ({ $from }), and the sentences count it whole.
note-flows-total = Green bars are net inflows, orange-red bars net outflows; the lower panel is the running total since launch.
note-flows-fund = Each colour is one fund (or the other funds together): above zero it took money in, below zero it lost money; the lower panel is the running total of the funds shown.
note-verbatim = { $text }
note-series-ends = { $series }: the data end on { $date }, so its lines stop there.
note-series = { $series }: { $text }
method-flows = Daily net flows per fund as published by Farside Investors; weekly and monthly bars add the trading days that exist, and a period that extends beyond the data is marked partial.

btc-lower = bitcoin
eth-lower = ether
leadlag-title = Do the flows lead { $coin }’s price? Correlation of daily net flows with daily returns, { $from } – { $to }
leadlag-lag = { $k }
leadlag-key = Each bar: the correlation (r) of a day’s net flow with the return that many trading days away. The shaded band is what chance alone reaches 95% of the time; bars beyond it are drawn stronger, and the strongest link carries its value.
leadlag-axis = Lag, trading days
leadlag-left = ← flows follow the price
leadlag-right = flows lead the price →
leadlag-bar = Lag { $k } trading days: r = { $r } (n = { $n }; chance band ±{ $band })
leadlag-bar-none = Lag { $k } trading days: too few days to compute
leadlag-follow = Flows follow { $coin }’s price: the strongest link is with the return { $days } before, r = { $r } (n = { $n }; chance alone stays within ±{ $band }). No later day is linked as strongly, so the flows do not lead.
leadlag-lead = Flows lead { $coin }’s price: the strongest link is with the return { $days } later, r = { $r } (n = { $n }; chance alone stays within ±{ $band }).
leadlag-same-day = Flows and { $coin }’s price move on the same day: r = { $r } (n = { $n }; chance alone stays within ±{ $band }); no lead either way is as strong.
leadlag-link = lag { $k } (r = { $r })
leadlag-follow-close = Flows move with { $coin }’s price on the same day or after it: the strongest links, { $links }, are too close to rank (their 95% intervals overlap). No day on which the flows come first is linked as strongly, so the flows do not lead; chance alone stays within ±{ $band }.
leadlag-lead-close = Flows move with { $coin }’s price on the same day or before it: the strongest links, { $links }, are too close to rank (their 95% intervals overlap). No day on which the flows come after it is linked as strongly; chance alone stays within ±{ $band }.
leadlag-unclear = The strongest links between flows and { $coin }’s returns, { $links }, are too close to rank and lie on both sides, so these data do not say whether the flows lead or follow; chance alone stays within ±{ $band }.
leadlag-none = No clear lead: no lag between flows and { $coin }’s returns is correlated beyond what chance gives in this range.
leadlag-too-few-priced = Too few days to compare lags: at some lag the flows and { $coin }’s returns share only { $pairs } in this range, and each lag needs { $needed }.
leadlag-too-few-priced-end = { $why } The price data end on { $end }.
leadlag-too-short = This range is too short to compare lags: it needs at least { $days } trading days.
note-flows-gap = { $days } set aside by the data checks (the first on { $first }): their flow is unknown, so no bar is drawn for them and the cumulative line breaks there; after the break it is the sum of the published days.

## Chart 3: the ETH burn
burn-title = The ETH burn
burn-lede = Since { $london } every Ethereum transaction burns its base fee. When the burn exceeds new
    issuance the ETH supply shrinks; when it falls below, the supply grows.
embed-title-burn = ETH burned versus modelled issuance
smoothing-mean7 = 7-day mean
smoothing-daily = daily
series-burn = ETH burned
series-issuance = ETH issued (model)
series-issuance-measured = ETH issued, measured (Coin Metrics, monthly mean)
series-net-supply = Net supply change (model)
series-since-london = Since London, cumulative (model)
series-since-merge = Since the Merge, cumulative (model)
chip-since-london = Since London
chip-since-merge = Since the Merge
panel-burn-rate = ETH per day, { $smoothing }: burned vs issued (line: model; dots: measured)
panel-burn-rate-log = ETH per day, { $smoothing }, log scale: burned vs issued (line: model; dots: measured)
panel-burn-rate-short = ETH per day · dots: measured
panel-burn-rate-log-short = ETH per day, log scale · dots: measured
panel-net-supply = Net supply change, ETH per day ({ $smoothing }, model) · 0 = break-even, burn equals issuance
panel-net-supply-short = Net supply, ETH/day · 0 = break-even
panel-cumulative-supply = Cumulative net supply change, ETH (lines: model; dots: measured)
panel-cumulative-supply-short = Cumulative ETH (model) · dots: measured
burn-summary-shrank = From { $from } to { $to }, ETH burned averaged { $burn } ETH a day against modelled issuance of about { $issuance } ETH a day: supply shrank by about { $net } ETH (model).
burn-summary-grew = From { $from } to { $to }, ETH burned averaged { $burn } ETH a day against modelled issuance of about { $issuance } ETH a day: supply grew by about { $net } ETH (model).
burn-deflationary-days = Burn exceeded issuance on { $n } of { $of } days.
burn-since-merge = Net change since the Merge to { $to }: { $v } ETH (model).
note-issuance-nominal = Issuance is a model, not a measurement: { $pow } ETH a day under proof of work; after the
    Merge { $k } × √(ETH staked) a year, using CryptoQuant’s ETH staked (net of withdrawals). No measured supply was available to check it.
note-issuance-calibrated = Issuance is a model, calibrated on Coin Metrics’ measured supply: { $pow } ETH a day
    under proof of work (block rewards and uncles); after the Merge { $k } × √(ETH staked) a year, fitted on
    { $fit_from } – { $fit_to } (mean monthly error { $fit_mean }, largest { $fit_max } in { $fit_max_month }).
note-issuance-validation = Checked on { $from } – { $to }, months not used to fit it: mean monthly error { $mean },
    largest { $max }, total { $total }.
note-issuance-band = The shaded band is ±{ $band }, the largest monthly error of the fit; dots are the measured monthly issuance.
note-issuance-band-eras = The shaded band is the model’s largest monthly error in each era: ±{ $pow } under proof of work, ±{ $band } after the Merge; dots are the measured monthly issuance.
method-burn = ETH burned is CryptoQuant’s daily total. Issuance is modelled from the stake; the net supply change is issuance minus burn, and the cumulative lines add it up from London ({ $london }) and from the Merge ({ $merge }).
control-burn-view = Show
burn-view-supply = Supply
burn-view-usd = Burn in US$
burn-view-share = Share of fees burned
series-since-london-measured = Since London, measured (Coin Metrics, change since { $anchor })
series-since-merge-measured = Since the Merge, measured (Coin Metrics, change since { $anchor })
remark-cumulative-error = model − measured since { $anchor }: { $e } ETH ({ $p } of measured issuance)
remark-cumulative-error-eth = model − measured since { $anchor }: { $e } ETH
method-joined = { $a } { $b }
method-burn-measured = Dots on the cumulative panel are Coin Metrics’ measured supply (SplyCur), which exists only on the first day of each month: each line’s dots start on the first measured day on or after its base date, show the measured supply minus the supply on that day, and are drawn from the line’s value on that day, so a dot’s distance from the line is the model’s error since then. Months without a measurement have no dot; nothing is interpolated.
series-burn-usd = ETH burned, in US$ (CryptoQuant’s Fees Burnt USD)
panel-burn-usd = ETH burned, US$ per day, { $smoothing } (CryptoQuant’s conversion)
panel-burn-usd-log = ETH burned, US$ per day, { $smoothing }, log scale (CryptoQuant’s conversion)
panel-burn-usd-short = Burned, US$/day
burn-usd-subtitle = The US$ value of the ETH burned each day, as CryptoQuant converts it
burn-usd-headline = The burn was worth about { $v } a day in the { $days } days to { $to }
burn-usd-summary = Over the { $days } days from { $from } to { $to }, the ETH burned was worth { $v } a day on average (CryptoQuant’s US$ values).
burn-usd-total = From { $from } to { $to }, ETH worth { $total } was burned in all ({ $days } days, { $mean } a day on average), each day valued in US$ by CryptoQuant.
burn-usd-peak = The largest day was { $date }: { $v }.
note-burn-usd = US$ values are CryptoQuant’s own (Fees Burnt USD, the ETH burned each day valued by CryptoQuant); a total over several days adds up the dollar values of different days, not today’s value of the ETH.
method-burn-usd = ETH burned in US$ is CryptoQuant’s daily series Fees Burnt USD, shown in US$ millions; the 7-day line is the trailing mean of the daily values, with no value where the window holds a gap.
point-days = Days with data: { $from } – { $to }
end-share = Share burned
end-fees = Fees paid
panel-burn-share = Share of all fees paid (base fee + tips) that was burned, % per month, fee-weighted
panel-burn-share-short = Share of fees burned, %/month
panel-burn-fees = ETH per month: all fees paid (base fee + tips) and the part burned
panel-burn-fees-short = ETH/month: fees paid, burned
series-share-burned = Share of fees burned (burned ÷ all fees)
series-fees-month = Fees paid, ETH in the month (base fee + tips)
series-burn-month = ETH burned in the month
burn-share-subtitle = The share of all fees paid on Ethereum (base fee + tips) that was burned, month by month
burn-share-headline = { $share } of the fees paid were burned in { $month }
burn-share-summary = In { $month }, { $share } of the fees paid were burned: { $burn } ETH of { $fees } ETH paid in fees (base fee + tips).
burn-share-range = From { $from } to { $to } ({ $months } months), { $share } of all fees paid were burned: { $burn } ETH of { $fees } ETH.
burn-share-extremes = The lowest month was { $lo_month } ({ $lo }), the highest { $hi_month } ({ $hi }).
note-burn-share = The fees are all fees paid (CryptoQuant’s Fees Total: base fee + tips, before the burn); the burn is the base fee destroyed by EIP-1559. A month’s share is its ETH burned divided by its fees paid, so busy days weigh more than quiet ones; a month with a missing day has no value.
method-burn-share = Share of fees burned = Σ ETH burned ÷ Σ fees paid over each calendar month (fee-weighted, not a mean of daily shares), from CryptoQuant’s Fees Burnt and Fees Total; the first and last months may be partial, as their labels say.

## CSV
csv-source = Source: { $sources }
csv-as-of = Data as of { $date }
csv-view = View: { $url }
csv-date = date
csv-period = period
csv-ci-low = { $series } 95% CI low
csv-ci-high = { $series } 95% CI high
csv-n = { $series } n
csv-band-low = { $series } error band low
csv-band-high = { $series } error band high
csv-remark = { $series } remark

## Axis ticks
tick-unit-large = { $n }M
tick-unit-small = { $n }k
source-model = ETH issuance is a model, not a measurement.
# Short axis numbers: tiers `from unit message`, comma-separated (25k from 10,000, 4M from
# a million); below the first tier a number is written in full.
-compact-tiers = 10000 1000 tick-unit-small, 1000000 1000000 tick-unit-large

## Event lens
lens-heading = Event lens
lens-intro = Pick an event: every chart moves to it, and a table compares the market days before it with the days after.
lens-pick = Event
lens-none = No event
lens-days-label = Market days either side
lens-days = { $n } days
lens-rule = The { $n } market days before the event (ending the day before) against the { $n } days from the event day on; n is the number of days with data.
lens-title = { $event }, { $date }
lens-notice = Event lens: { $event }, { $date }. Every chart shows { $from } to { $to }; the lens is at the foot of the page.
lens-notice-day = Event lens: { $date }. Every chart shows { $from } to { $to }; the lens is at the foot of the page.
lens-clear = Show all the data
lens-col-measure = Measure
lens-col-before = Before
lens-col-after = After
lens-value = { $v } (n = { $n })
lens-short = not covered: { $available } of { $needed } days in the data
lens-starts = not covered: the series starts { $date }
lens-ends = not covered: the series ends { $date }
lens-missing = not covered: { $days } of { $of } days have no value
lens-no-data = no data
lens-btc-flows = US spot bitcoin ETF net flow
lens-eth-flows = US spot ether ETF net flow
lens-btc-return = Bitcoin price change
lens-burn = ETH burned, mean per day
lens-corr = Mean { $window }-day correlation with { $with }

## Story (the step texts live in crates/core/story/en.story)
story-corr = { $r } on { $date } (95% interval { $lo } to { $hi })
story-usd-m = { $v }
story-usd-m-on = { $v } on { $date }
story-usd = ${ $v }
story-eth-per-day = { $v } ETH a day
story-eth = { $v } ETH
story-date = { $date }
story-error-placeholder = This step cannot be shown: “{ $placeholder }” names no computed value in these data.
story-error-view = This step cannot be shown: its view “{ $pair }” is not a setting of this page.
story-error-view-section = This step cannot be shown: its view names no chart (section=…).
story-error-file = The story cannot be shown: { $detail }
story-label = The story, step by step
story-step-of = Step { $n } of { $of }
story-previous = Previous
story-next = Next
story-explore = Explore on your own
story-start = Read the story step by step
## Languages (i18n)
# The language switch: its label, and each language's name in its own language.
lang-label = Language
lang-name = English
# While another language's text is fetched (the page stays in the one in effect), and
# when it could not be; { $lang } is that language's name in itself.
lang-loading = Loading { $lang }…
lang-failed = The { $lang } text could not be loaded, so the page stays in English. Reload the page to try again.
# Money style, in US$ millions: tiers `from unit decimals message`, comma-separated; the
# last tier whose `from` is not above the amount applies, its { $n } counted in `unit`s with
# at most `decimals` decimals (trailing zeros dropped).
-money-tiers = 0 0.001 0 -usd-k, 1 1 1 -usd-m, 1000 1000 1 -usd-bn
# An amount that rounds to zero.
-usd-zero = $0m
# Zero on a money axis.
-usd-zero-axis = $0
## Accessibility: data tables, chart descriptions, keyboard help (helper/a11y)
skip-to-charts = Skip to the charts
table-show = Table
table-caption = { $title }: { $how } ({ $n } rows)
table-rollup-none = one row per point shown in the chart
table-rollup-week = one row per week: lines give the week’s last value, bars the week’s total
table-rollup-month = one row per month: lines give the month’s last value, bars the month’s total
table-col-series = { $series }: { $unit }
unit-eth-day = ETH a day
unit-eth = ETH
unit-eth-month = ETH a month
table-col-date = Date
table-col-period = Period
table-col-week = Week
table-col-month = Month
chart-desc-series = The chart shows: { $series }.
chart-desc-sources = Sources: { $sources }.
chart-keys = Use ← → to move through dates, PageUp/PageDown by month, Esc to close.
chart-point = { $title }: { $values }
chart-point-value = { $series } { $value }
note-validation = Data check: { $text }
note-validation-file = Data file check: { $text }
stats-regimes-title = Regime periods, Nasdaq-100 vs { $vs } ({ $window }-day correlations with bitcoin; at least { $k } trading days with separate 95% intervals)
stats-leadlag-title = Lead–lag of ETF net flows and { $coin }’s daily returns, { $from } – { $to }
stats-model-title = Issuance model against Coin Metrics’ measured issuance, by month
stats-col-leader = Moved more with
stats-col-from = From
stats-col-to = To
stats-col-days = Trading days
stats-col-mean-r = Mean correlation with { $with }
stats-col-lag = Lag (trading days; − flows follow, + flows lead)
stats-col-r = r
stats-col-n = n
stats-col-band = 95% chance band (±)
stats-col-outside = Outside the band
stats-yes = yes
stats-no = no
stats-col-month = Month
stats-col-measured-issuance = Measured issuance, ETH
stats-col-modelled-issuance = Modelled issuance, ETH
stats-col-error-eth = Model − measured, ETH
stats-col-error-pct = Model − measured, %
stats-model-none = No measured supply is available to check the model against.
stats-model-out-of-range = No month in this range has a measured supply at both its start and the next month’s start.
table-stats-label = { $title }: the numbers behind the sentences under the chart
readout-hint = Touch the chart to read its values.
events-list-label-embed = Events on the chart:
events-list-label = Events (open one in the event lens):
event-item = #{ $n } · { $date } · { $event }
event-item-labelled = { $date } · { $event }

## Start-up screens (index.html and public/boot.js, before the app runs)
# public/boot.js keeps a copy of these lines (and of page-kicker, page-title, retry and
# error-detail) in its WORDS table, and index.html the English ones: a test checks both
# against this file and zh-CN.ftl. Change a line here, then there.
boot-intro = Bitcoin's correlation with tech stocks and gold, the money flowing in and out of US spot bitcoin and ether ETFs, and Ethereum's fee burn against its issuance — three interactive charts computed in your browser from real data.
boot-noscript = The interactive charts need JavaScript, which is turned off or not available in this browser. Turn JavaScript on and reload the page to see them.
boot-loading = Loading the interactive charts…
boot-slow = This is taking longer than it should.
boot-reload = Reload the page
boot-reload-after = to try again.
boot-progress = Downloading the interactive charts
boot-amount = { $loaded } of { $total }
boot-downloaded = { $loaded } downloaded
boot-kb = { $n } KB
boot-still-loading = Still loading the interactive charts… This is taking longer than usual.
boot-failed = The interactive charts could not be started. Check your connection and reload the page to try again.
