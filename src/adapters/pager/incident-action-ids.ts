/** action_id values of the incident message's buttons; the bot routes them to `handleIncidentAction`. The value is the incident id. */
export const IncidentActionId = {
  acknowledge: 'gomod_incident_ack',
  resolve: 'gomod_incident_resolve',
  recheck: 'gomod_incident_recheck',
} as const;

export type IncidentActionIdValue = (typeof IncidentActionId)[keyof typeof IncidentActionId];
