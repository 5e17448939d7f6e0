/** The KPIs the page shows, in table order, with their units and which way is better. */
import type { Unit } from './format.js';

export type SummaryKpi =
  | 'serviceLevel'
  | 'asa'
  | 'abandonRate'
  | 'occupancy'
  | 'arrivals'
  | 'contained'
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'unresolved'
  | 'containmentRate'
  | 'queueLength';

export interface KpiInfo {
  readonly key: SummaryKpi;
  readonly label: string;
  readonly unit: Unit;
  /** +1 when higher is better, -1 when lower is better, 0 when neither. */
  readonly better: 1 | -1 | 0;
  readonly help: string;
}

export const SUMMARY_KPIS: readonly KpiInfo[] = [
  { key: 'serviceLevel', label: 'Service level', unit: 'percent', better: 1, help: 'answered within the type’s threshold / (answered + abandoned)' },
  { key: 'asa', label: 'ASA', unit: 'seconds', better: -1, help: 'mean wait in queue of answered contacts, seconds' },
  { key: 'abandonRate', label: 'Abandon rate', unit: 'percent', better: -1, help: 'abandoned / (answered + abandoned)' },
  { key: 'occupancy', label: 'Occupancy', unit: 'percent', better: 0, help: 'agent time busy (handle + wrap-up) / agent time staffed' },
  { key: 'arrivals', label: 'Arrivals', unit: 'count', better: 0, help: 'fresh contacts per day (bot included)' },
  { key: 'contained', label: 'Contained', unit: 'count', better: 1, help: 'contacts resolved by the bot per day' },
  { key: 'containmentRate', label: 'Containment rate', unit: 'percent', better: 1, help: 'contained / bot sessions' },
  { key: 'offered', label: 'Offered', unit: 'count', better: 0, help: 'contacts that joined the agent queue per day (escalations, retrials and repeats included)' },
  { key: 'answered', label: 'Answered', unit: 'count', better: 0, help: 'offered contacts that reached an agent per day' },
  { key: 'abandoned', label: 'Abandoned', unit: 'count', better: -1, help: 'offered contacts that left the queue per day' },
  { key: 'unresolved', label: 'Unresolved', unit: 'count', better: -1, help: 'offered contacts neither answered nor abandoned by the end of the day' },
  { key: 'queueLength', label: 'Queue length', unit: 'number', better: -1, help: 'time-average number of contacts waiting' },
];

/** The KPIs shown for each contact type (all are contact KPIs; occupancy belongs to groups). */
export type TypeKpi = 'serviceLevel' | 'asa' | 'abandonRate' | 'containmentRate' | 'offered';
const TYPE_KPI_KEYS: readonly SummaryKpi[] = ['serviceLevel', 'asa', 'abandonRate', 'containmentRate', 'offered'] satisfies readonly TypeKpi[];

/**
 * The KPIs shown for each contact type under the pooled ones: those measured against the type's
 * own service-level definition (and its size), which the pooled figures mix.
 */
export const TYPE_KPIS = SUMMARY_KPIS.filter((k): k is KpiInfo & { readonly key: TypeKpi } => TYPE_KPI_KEYS.includes(k.key));
