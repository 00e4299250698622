/**
 * Wire copy: agency credits (`credits.ts`) and, on a comparison, which of the compared articles
 * carry the same agency's text (`groups.ts`).
 *
 * @module
 */
export { creditedAgencies, creditsInByline, creditsInText, type Credit, type CreditForm } from './credits';
export { reportCounts, wireGroups, type ReportCounts, type WireGroup, type WireMember } from './groups';
