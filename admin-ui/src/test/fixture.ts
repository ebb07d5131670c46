// A small schema in the API's conventions (two resources, a relation, filters, orderings,
// payloads), written out as the server generates it.
import { buildSchema, introspectionFromSchema, type IntrospectionQuery } from 'graphql';

const common = `
scalar DateTime
scalar MacAddress
scalar IPAddress
scalar CIDR
scalar JSON
interface Node { id: ID! }
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
enum OrderDirection { ASC DESC }
type UserError { field: [String!] message: String! code: UserErrorCode! }
enum UserErrorCode { REQUIRED INVALID NOT_UNIQUE NOT_FOUND OVERLAP STALE_VERSION INVALID_STATE REFERENCED }
input IDFilter { eq: ID ne: ID in: [ID!] notIn: [ID!] isNull: Boolean }
input StringFilter { eq: String ne: String in: [String!] isNull: Boolean contains: String iContains: String iEq: String }
input IntFilter { eq: Int ne: Int lt: Int gt: Int }
input BooleanFilter { eq: Boolean ne: Boolean isNull: Boolean }
input IPAddressFilter { eq: IPAddress inSubnet: CIDR isNull: Boolean }
input MacAddressFilter { eq: MacAddress startsWith: String isNull: Boolean }
`;

/** The fixture's SDL; `extraHostField` adds a field to Host, its filter and both inputs. */
export function fixtureSdl(extraHostField?: { name: string; type: string; filter: string }): string {
  const x = extraHostField;
  const field = x ? `${x.name}: ${x.type}` : '';
  const filter = x ? `${x.name}: ${x.filter}` : '';
  return `${common}
type Rack implements Node { id: ID! version: Int! name: String!
  hosts(filter: HostFilter, orderBy: [HostOrder!], first: Int, after: String, last: Int, before: String): HostConnection! }
type Host implements Node { id: ID! createdAt: DateTime! version: Int! hostname: String! status: HostStatus!
  rack: Rack ip: IPAddress hypervisor: Boolean! cpus: Int data: JSON ${field}
  nics(filter: NicFilter, orderBy: [NicOrder!], first: Int, after: String, last: Int, before: String): NicConnection! }
type Nic implements Node { id: ID! version: Int! mac: MacAddress! host: Host }
enum HostStatus { NEW ACTIVE INACTIVE }
input HostStatusFilter { eq: HostStatus ne: HostStatus in: [HostStatus!] }
input RackFilter { id: IDFilter name: StringFilter and: [RackFilter!] or: [RackFilter!] not: RackFilter }
input HostFilter { id: IDFilter hostname: StringFilter status: HostStatusFilter rack: RackFilter ip: IPAddressFilter
  hypervisor: BooleanFilter cpus: IntFilter nics: NicListFilter ${filter} and: [HostFilter!] or: [HostFilter!] not: HostFilter }
input NicFilter { id: IDFilter mac: MacAddressFilter host: HostFilter }
input NicListFilter { some: NicFilter none: NicFilter every: NicFilter }
enum RackOrderField { ID NAME }
enum HostOrderField { ID HOSTNAME STATUS CPUS ${x ? x.name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : ''} }
enum NicOrderField { ID MAC }
input RackOrder { field: RackOrderField! direction: OrderDirection = ASC }
input HostOrder { field: HostOrderField! direction: OrderDirection = ASC }
input NicOrder { field: NicOrderField! direction: OrderDirection = ASC }
type RackConnection { edges: [RackEdge!]! nodes: [Rack!]! pageInfo: PageInfo! totalCount: Int! }
type RackEdge { cursor: String! node: Rack! }
type HostConnection { edges: [HostEdge!]! nodes: [Host!]! pageInfo: PageInfo! totalCount: Int! }
type HostEdge { cursor: String! node: Host! }
type NicConnection { edges: [NicEdge!]! nodes: [Nic!]! pageInfo: PageInfo! totalCount: Int! }
type NicEdge { cursor: String! node: Nic! }
type Query {
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  rack(id: ID!): Rack
  racks(filter: RackFilter, orderBy: [RackOrder!], first: Int, after: String, last: Int, before: String): RackConnection!
  host(id: ID!): Host
  hosts(filter: HostFilter, orderBy: [HostOrder!], first: Int, after: String, last: Int, before: String): HostConnection!
  nic(id: ID!): Nic
  nics(filter: NicFilter, orderBy: [NicOrder!], first: Int, after: String, last: Int, before: String): NicConnection!
}
input CreateHostInput { hostname: String! rack: ID hypervisor: Boolean cpus: Int data: JSON ${field} }
input UpdateHostInput { id: ID! version: Int! hostname: String rack: ID hypervisor: Boolean cpus: Int data: JSON ${field} }
input DeleteHostInput { id: ID! version: Int! }
input BulkDeleteHostInput { items: [VersionedId!]! }
input VersionedId { id: ID! version: Int! }
type CreateHostPayload { host: Host errors: [UserError!]! }
type UpdateHostPayload { host: Host errors: [UserError!]! }
type DeleteHostPayload { deletedId: ID errors: [UserError!]! }
type BulkDeleteHostPayload { deletedIds: [ID!] errors: [UserError!]! }
type Mutation {
  "Writers: STAFF"
  createHost(input: CreateHostInput!): CreateHostPayload!
  "Writers: STAFF"
  updateHost(input: UpdateHostInput!): UpdateHostPayload!
  "Writers: STAFF"
  deleteHost(input: DeleteHostInput!): DeleteHostPayload!
  """
  Deletes many Host objects: all or nothing.

  Writers: STAFF
  """
  bulkDeleteHost(input: BulkDeleteHostInput!): BulkDeleteHostPayload!
}
`;
}

export function fixtureGraphQLSchema(extra?: Parameters<typeof fixtureSdl>[0], moreSdl = '') {
  return buildSchema(fixtureSdl(extra) + moreSdl);
}

export function fixtureSchema(extra?: Parameters<typeof fixtureSdl>[0], moreSdl = ''): IntrospectionQuery {
  return introspectionFromSchema(buildSchema(fixtureSdl(extra) + moreSdl));
}

/** A type with no name of its own, pointing at a host. */
export const bookableSdl = `
type Bookable implements Node { id: ID! version: Int! host: Host! comment: String }
input BookableFilter { id: IDFilter host: HostFilter comment: StringFilter }
enum BookableOrderField { ID }
input BookableOrder { field: BookableOrderField! direction: OrderDirection = ASC }
type BookableConnection { edges: [BookableEdge!]! nodes: [Bookable!]! pageInfo: PageInfo! totalCount: Int! }
type BookableEdge { cursor: String! node: Bookable! }
extend type Query {
  bookables(filter: BookableFilter, orderBy: [BookableOrder!], first: Int, after: String, last: Int, before: String): BookableConnection!
}
`;
