/** Where the editor keeps an unsaved draft across reloads; the options page clears it when the establishment is deleted. */
export const draftStorageKey = (establishmentId: string) => `balise.draft.${establishmentId}`;
