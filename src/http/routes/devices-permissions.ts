// Graph's permissions for directory objects, and drivergraph's own role for device reports.
// Directory.* grant everything the narrower Device.* and Group.* permissions do, as on Graph.

const directoryRead = ['Directory.Read.All', 'Directory.ReadWrite.All'];
const directoryWrite = ['Directory.ReadWrite.All'];

export const readDevices = ['Device.Read.All', 'Device.ReadWrite.All', ...directoryRead];
export const writeDevices = ['Device.ReadWrite.All', ...directoryWrite];

export const readGroups = ['Group.Read.All', 'Group.ReadWrite.All', ...directoryRead];
export const writeGroups = ['Group.ReadWrite.All', ...directoryWrite];
export const readMembers = ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', ...readGroups];
export const writeMembers = ['GroupMember.ReadWrite.All', ...writeGroups];

/** Lets an application send reports for any device of its tenant. Not a Graph permission. */
export const REPORT_ROLE = 'DriverGraph.Report.All';
