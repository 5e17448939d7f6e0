/**
 * Every default of `ccsim forecast` and `forecastHistory`, in one place (docs/forecast.md says
 * why each value). The CLI, the Node API and the tests read them from here.
 */
export const FORECAST_DEFAULTS = {
  /** Weeks back-tested at the end of the history (the contract's K). */
  backtestWeeks: 4,
  /**
   * Weeks of history before a forecast's origin that the model is fitted on: long enough for
   * eight observations of each weekday and a trend, short enough to follow a level that moves
   * (Ibrahim & L'Ecuyer 2013 fit their fixed-effects models on a rolling window of recent weeks).
   */
  fitWeeks: 8,
  /** Fewest weeks of history before an origin: each weekday seen twice, so a trend is estimable. */
  minFitWeeks: 2,
  /**
   * Damping of the weekly trend per week of horizon (Gardner & McKenzie 1985): a trend of g per
   * week adds at most g / -ln(0.8) = 4.5 weeks' worth, however far ahead the forecast is.
   */
  trendDamping: 0.8,
  /**
   * A day whose log total lies more than this many robust standard deviations (1.4826 MAD) from
   * the robust fit is an outlier, left out of the fit and the profile. 3.5 is Iglewicz &
   * Hoaglin's (1993) cut-off for modified z-scores.
   */
  outlierMads: 3.5,
  /**
   * Huber's tuning constant for the robust fit, in robust standard deviations: 95% efficiency
   * when the errors are normal (Huber 1981).
   */
  huberK: 1.345,
  /**
   * Prior weight of the all-weekday intraday profile, in contacts per open interval: a weekday
   * whose window holds fewer than about this many contacts per interval is mostly given the
   * pooled shape (Dirichlet-multinomial shrinkage).
   */
  profilePrior: 10,
  /**
   * Prior weight, in handled contacts, of the coarser AHT (all weekdays, then the whole day) when
   * estimating an interval's AHT: handle times have a cv near 1, so 30 contacts give a mean
   * within about 18% (one standard error).
   */
  ahtPrior: 30,
  /**
   * Fewest out-of-sample daily errors (from one-week-ahead forecasts at earlier origins) needed
   * before they are used for the day-level variance.
   */
  minErrorDays: 10,
  /**
   * Day-level cv used only when the window has no more days than parameters and no earlier
   * forecast errors either (a history of two weeks full of holidays): a modest guess, so the band
   * is not Poisson-narrow.
   */
  fallbackDayCv: 0.1,
  /** Coverage of the prediction interval: quantiles 0.1 and 0.9. */
  intervalLevel: 0.8,
  /** Largest --days: a year. */
  maxDays: 366,
} as const;

export interface ForecastOptions {
  /** First day forecast (day number, src/history/calendar.ts): after the history's last day. */
  readonly startDay: number;
  /** Days forecast (1..FORECAST_DEFAULTS.maxDays). */
  readonly days: number;
  /** Weeks back-tested (default FORECAST_DEFAULTS.backtestWeeks). */
  readonly backtestWeeks?: number;
  /** Special days (day numbers): left out of every fit and of the backtest's scores. */
  readonly holidays?: readonly number[];
}
