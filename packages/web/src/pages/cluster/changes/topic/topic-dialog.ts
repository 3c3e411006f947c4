/** What the topic actions menu gives each of its dialogs. */
export interface TopicDialogProps {
  clusterId: string;
  topic: string;
  open: boolean;
  onClose: () => void;
}
