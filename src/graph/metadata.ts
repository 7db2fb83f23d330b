// The CSDL document behind `GET /beta/$metadata`: the types this service serves, named and shaped
// as in Microsoft Graph's beta metadata, without Microsoft's descriptions.

const enumTypes: Readonly<Record<string, readonly string[]>> = {
  driverApprovalAction: ['approve', 'decline', 'suspend'],
  driverApprovalStatus: ['needsReview', 'declined', 'approved', 'suspended'],
  driverCategory: ['recommended', 'previouslyApproved', 'other'],
  driverUpdateProfileApprovalType: ['manual', 'automatic'],
  windowsDriverUpdateProfileInventorySyncState: ['pending', 'success', 'failure'],
  deviceAndAppManagementAssignmentFilterType: ['none', 'include', 'exclude'],
};

type Property = readonly [name: string, type: string, nullable?: false];

const profileProperties: readonly Property[] = [
  ['approvalType', 'graph.driverUpdateProfileApprovalType', false],
  ['createdDateTime', 'Edm.DateTimeOffset', false],
  ['deploymentDeferralInDays', 'Edm.Int32'],
  ['description', 'Edm.String'],
  ['deviceReporting', 'Edm.Int32'],
  ['displayName', 'Edm.String', false],
  ['inventorySyncStatus', 'graph.windowsDriverUpdateProfileInventorySyncStatus'],
  ['lastModifiedDateTime', 'Edm.DateTimeOffset', false],
  ['newUpdates', 'Edm.Int32', false],
  ['roleScopeTagIds', 'Collection(Edm.String)'],
];

const inventoryProperties: readonly Property[] = [
  ['applicableDeviceCount', 'Edm.Int32', false],
  ['approvalStatus', 'graph.driverApprovalStatus', false],
  ['category', 'graph.driverCategory', false],
  ['deployDateTime', 'Edm.DateTimeOffset', false],
  ['driverClass', 'Edm.String'],
  ['manufacturer', 'Edm.String'],
  ['name', 'Edm.String', false],
  ['releaseDateTime', 'Edm.DateTimeOffset', false],
  ['version', 'Edm.String'],
];

function properties(list: readonly Property[]): string {
  return list
    .map(([name, type, nullable]) => {
      const facet = nullable === false ? ' Nullable="false"' : '';

      return `<Property Name="${name}" Type="${type}"${facet} />`;
    })
    .join('');
}

function enums(): string {
  return Object.entries(enumTypes)
    .map(([name, members]) => {
      const body = members.map((m, i) => `<Member Name="${m}" Value="${i}" />`).join('');

      return `<EnumType Name="${name}">${body}</EnumType>`;
    })
    .join('');
}

const complexTypes = [
  '<ComplexType Name="windowsDriverUpdateProfileInventorySyncStatus">',
  properties([
    ['driverInventorySyncState', 'graph.windowsDriverUpdateProfileInventorySyncState', false],
    ['lastSuccessfulSyncDateTime', 'Edm.DateTimeOffset', false],
  ]),
  '</ComplexType>',
  '<ComplexType Name="deviceAndAppManagementAssignmentTarget" Abstract="true">',
  properties([
    ['deviceAndAppManagementAssignmentFilterId', 'Edm.String'],
    [
      'deviceAndAppManagementAssignmentFilterType',
      'graph.deviceAndAppManagementAssignmentFilterType',
      false,
    ],
  ]),
  '</ComplexType>',
  '<ComplexType Name="allDevicesAssignmentTarget" ',
  'BaseType="graph.deviceAndAppManagementAssignmentTarget" />',
  '<ComplexType Name="allLicensedUsersAssignmentTarget" ',
  'BaseType="graph.deviceAndAppManagementAssignmentTarget" />',
  '<ComplexType Name="groupAssignmentTarget" ',
  'BaseType="graph.deviceAndAppManagementAssignmentTarget">',
  properties([['groupId', 'Edm.String']]),
  '</ComplexType>',
  '<ComplexType Name="exclusionGroupAssignmentTarget" BaseType="graph.groupAssignmentTarget" />',
  '<ComplexType Name="bulkDriverActionResult">',
  properties([
    ['failedDriverIds', 'Collection(Edm.String)'],
    ['notFoundDriverIds', 'Collection(Edm.String)'],
    ['successfulDriverIds', 'Collection(Edm.String)'],
  ]),
  '</ComplexType>',
].join('');

const entityTypes = [
  '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key>',
  '<Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>',
  '<EntityType Name="windowsDriverUpdateInventory" BaseType="graph.entity">',
  properties(inventoryProperties),
  '</EntityType>',
  '<EntityType Name="windowsDriverUpdateProfile" BaseType="graph.entity">',
  properties(profileProperties),
  '<NavigationProperty Name="assignments" ',
  'Type="Collection(graph.windowsDriverUpdateProfileAssignment)" ContainsTarget="true" />',
  '<NavigationProperty Name="driverInventories" ',
  'Type="Collection(graph.windowsDriverUpdateInventory)" ContainsTarget="true" />',
  '</EntityType>',
  '<EntityType Name="windowsDriverUpdateProfileAssignment" BaseType="graph.entity">',
  properties([['target', 'graph.deviceAndAppManagementAssignmentTarget', false]]),
  '</EntityType>',
  '<EntityType Name="deviceManagement" BaseType="graph.entity">',
  '<NavigationProperty Name="windowsDriverUpdateProfiles" ',
  'Type="Collection(graph.windowsDriverUpdateProfile)" ContainsTarget="true" />',
  '</EntityType>',
].join('');

const binding = '<Parameter Name="bindingParameter" Type="graph.windowsDriverUpdateProfile" />';
const actions = [
  `<Action Name="assign" IsBound="true">${binding}`,
  '<Parameter Name="assignments" Type="Collection(graph.windowsDriverUpdateProfileAssignment)" />',
  '</Action>',
  `<Action Name="executeAction" IsBound="true">${binding}`,
  '<Parameter Name="actionName" Type="graph.driverApprovalAction" Nullable="false" />',
  '<Parameter Name="driverIds" Type="Collection(Edm.String)" Unicode="false" />',
  '<Parameter Name="deploymentDate" Type="Edm.DateTimeOffset" />',
  '<ReturnType Type="graph.bulkDriverActionResult" /></Action>',
  `<Action Name="syncInventory" IsBound="true">${binding}</Action>`,
].join('');

export const metadataDocument = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
  '<edmx:DataServices>',
  '<Schema Namespace="microsoft.graph" Alias="graph" ' +
    'xmlns="http://docs.oasis-open.org/odata/ns/edm">',
  enums(),
  complexTypes,
  entityTypes,
  actions,
  '<EntityContainer Name="GraphService">',
  '<Singleton Name="deviceManagement" Type="microsoft.graph.deviceManagement" />',
  '</EntityContainer>',
  '</Schema></edmx:DataServices></edmx:Edmx>',
].join('\n');
