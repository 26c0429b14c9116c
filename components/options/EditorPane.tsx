/**
 * The editor as the options page opens it, loaded apart from the list (see OptionsApp):
 * with it come the form, the validation and the managed-profile helpers.
 */
import type { ComponentProps } from 'react';
import { isManaged, type StoredEstablishment } from '../../lib/profile/pushed';
import { EstablishmentEditor } from '../establishment/EstablishmentEditor';

export { keepCopyDraft } from '../establishment/EstablishmentEditor';

type EditorPaneProps = Omit<ComponentProps<typeof EstablishmentEditor>, 'readOnly' | 'stored'> & { stored: StoredEstablishment | undefined };

export function EditorPane(props: EditorPaneProps) {
  return <EstablishmentEditor {...props} readOnly={props.stored !== undefined && isManaged(props.stored)} />;
}
