/** What each of a group's actions is given: the group and the topics it has offsets or assignments for. */
export interface GroupActionProps {
  clusterId: string;
  groupId: string;
  topics: string[];
}
