# The guided story, in English. One file per language (en.story, de.story …); the page
# reads it as data: adding, removing or reordering a step needs no Rust change.
#
# Format (parsed by crates/core/src/views/story.rs):
#   [step]            starts a step; steps are shown in file order
#   title = …         the step's heading (plain text)
#   view = …          the view the step sets, as a URL query: any keys of the page's URL
#                     except embed, step, theme and lang, e.g. c.window=90&c.range=1Y; it must
#                     name the chart it focuses with section=correlation|flows|burn
#   text = …          the step's text; {placeholders} are values computed from the data
#   Lines starting with a space or tab continue the field above (text and title joined
#   with a space, view joined as is); lines starting with # are comments.
#
# Placeholders (dates are YYYY-MM-DD; a date that is not a market day reads the last one
# before it). Any other placeholder is an error shown in the step's place.
#   {corr CP W DATE}          W-day correlation of bitcoin with CP (qqq gld eth spy dbc
#                             dgs10; W is 30, 60, 90 or 180) on DATE, with its 95% interval
#   {corr-latest CP W}        the same on the latest day with a value
#   {flows-sum A FROM TO}     net flows of US spot A ETFs (btc, eth) summed over FROM–TO
#   {flows-day A DATE}        net flow on DATE (a trading day)
#   {flows-cum A DATE}        cumulative net flow since launch on DATE
#   {flows-cum-peak A FROM TO} the highest cumulative net flow within FROM–TO, and its day
#   {btc-close DATE}          bitcoin's close on DATE, US$
#   {burn-mean FROM TO}       ETH burned per day, mean over FROM–TO
#   {issuance-mean FROM TO}   modelled ETH issuance per day, mean over FROM–TO
#   {supply-change FROM TO}   modelled net supply change (issuance − burn) over FROM–TO
#   {date DATE}  {as-of}      a date; the data's last date
#   {burn-last}               the last day with an ETH burn observation
#
# Every sentence is checked against the data in story.rs's tests
# (the_story_sentences_hold_on_the_committed_snapshot): change one, check it there.

[step]
title = Bitcoin moved with the Nasdaq
view = c.with=qqq,gld&c.window=90&c.range=2025-01-01..2026-02-06&section=correlation
text = Through 2025 bitcoin’s daily returns moved partly with tech stocks. The 90-day correlation
  with the Nasdaq-100 (QQQ) was {corr qqq 90 2025-06-30} and still
  {corr qqq 90 2026-02-06}, the week bitcoin closed at
  {btc-close 2026-02-05} in a sell-off. With gold it was weak: {corr gld 90 2026-02-06}.

[step]
title = The decoupling began in spring, not in February
view = c.with=qqq,gld&c.window=90&c.range=2025-09-01..2026-08-21&section=correlation
text = The February sell-off did not break the link. The correlation with the Nasdaq-100
  eased through the spring, to {corr qqq 90 2026-04-30}, and was
  {corr-latest qqq 90}. Gold’s correlation rose over the summer, from {corr gld 90 2026-05-29} to
  {corr-latest gld 90}. The 95% intervals still overlap: the data show a
  shift, not yet that gold has clearly overtaken the Nasdaq.

[step]
title = 2025 as a whole brought money in
view = f.etf=btc&f.agg=month&f.range=2024-01-01..2025-12-31&section=flows
text = US spot bitcoin ETFs took in a net {flows-sum btc 2025-01-01 2025-12-31} over 2025,
  after {flows-sum btc 2024-01-01 2024-12-31} in their launch year; the ether ETFs added
  {flows-sum eth 2025-01-01 2025-12-31} in 2025. It was not one way: the largest monthly
  outflows came in February ({flows-sum btc 2025-02-01 2025-02-28}) and November
  ({flows-sum btc 2025-11-01 2025-11-30}).

[step]
title = From the October peak, money left
view = f.etf=btc&f.agg=day&f.range=2025-09-01..2026-08-21&section=flows
text = The total taken in since launch peaked at {flows-cum-peak btc 2024-01-01 2026-08-21},
  around bitcoin’s highest close, {btc-close 2025-10-06} on {date 2025-10-06}, and just
  before the liquidation cascade of {date 2025-10-10}. November’s net flow was
  {flows-sum btc 2025-11-01 2025-11-30}, {flows-day btc 2025-11-20} of it on
  {date 2025-11-20}. The total now stands at {flows-cum btc 2026-08-21}.

[step]
title = After the Merge, the burn outpaced issuance
view = b.smooth=7d&b.range=2022-09-16..2024-03-12&section=burn
text = Between the Merge and Dencun ({date 2022-09-16} – {date 2024-03-12}) Ethereum burned
  {burn-mean 2022-09-16 2024-03-12} on average, against a modelled issuance of about
  {issuance-mean 2022-09-16 2024-03-12}: by the model, supply shrank: a net change of
  {supply-change 2022-09-16 2024-03-12}.

[step]
title = Then the burn fell below issuance, and supply grew again
view = b.smooth=7d&b.range=2024-01-01..2026-08-21&section=burn
text = After Dencun ({date 2024-03-13}), which made data for layer-2 networks cheap, the burn
  fell: {burn-mean 2025-01-01 2025-12-31} in 2025 against a modelled
  issuance of about {issuance-mean 2025-01-01 2025-12-31}. By the model, supply grew again: a net change of
  {supply-change 2024-03-13 2026-08-21} from Dencun to {burn-last}. Issuance is a model, not a
  measurement: read these as estimates, not counts.

[step]
title = What is measured, what is modelled
view = b.smooth=7d&b.range=All&section=burn
text = Prices (Yahoo Finance, FRED) and the ETF flows (Farside Investors) are measured up to
  {as-of}, the ETH burned (CryptoQuant) up to {burn-last}. ETH issuance is not published daily: the page
  models it from the ETH staked and checks the model against Coin Metrics’ measured
  supply, so every supply figure here is an estimate. A correlation describes how two
  markets moved together over a window, with its 95% interval; it does not say why.
