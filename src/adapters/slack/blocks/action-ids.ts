/** action_id / callback_id values shared by the renderers, the handlers and manifest.yml. */
export const ActionId = {
  showChangeRequest: 'gomod_show_change_request',
  recheck: 'gomod_recheck',
  explainShortcut: 'gomod_explain_go_error',
} as const;
