import { describe, expect, it } from 'vitest';
import { mayWrite, statedWriters, writersOf } from '../auth';
import { buildModel } from '../schema';
import { bookableSdl, fixtureSchema } from './fixture';

// the fixture's hosts, and bookings and groups described as the server describes its mutations
const bookingSdl = `
type Booking implements Node { id: ID! version: Int! bookable: Bookable! comment: String }
input BookingFilter { id: IDFilter comment: StringFilter }
enum BookingOrderField { ID }
input BookingOrder { field: BookingOrderField! direction: OrderDirection = ASC }
type BookingConnection { edges: [BookingEdge!]! nodes: [Booking!]! pageInfo: PageInfo! totalCount: Int! }
type BookingEdge { cursor: String! node: Booking! }
input CreateBookingInput { bookable: ID! comment: String }
input UpdateBookingInput { id: ID! version: Int! comment: String }
input DeleteBookingInput { id: ID! version: Int! }
type CreateBookingPayload { booking: Booking errors: [UserError!]! }
type UpdateBookingPayload { booking: Booking errors: [UserError!]! }
type DeleteBookingPayload { deletedId: ID errors: [UserError!]! }
type Group implements Node { id: ID! version: Int! name: String! }
input GroupFilter { id: IDFilter name: StringFilter }
type GroupConnection { edges: [GroupEdge!]! nodes: [Group!]! pageInfo: PageInfo! totalCount: Int! }
type GroupEdge { cursor: String! node: Group! }
input CreateGroupInput { name: String! }
input UpdateGroupInput { id: ID! version: Int! name: String }
type CreateGroupPayload { group: Group errors: [UserError!]! }
type UpdateGroupPayload { group: Group errors: [UserError!]! }
extend type Query {
  bookings(filter: BookingFilter, orderBy: [BookingOrder!], first: Int, after: String, last: Int, before: String): BookingConnection!
  groups(filter: GroupFilter, first: Int, after: String, last: Int, before: String): GroupConnection!
}
extend type Mutation {
  """
  Books an ACTIVE bookable for [start, end), for the caller unless staff name another owner.

  Writers: any signed-in user (their own)
  """
  createBooking(input: CreateBookingInput!): CreateBookingPayload!
  """
  Changes a live booking of the caller's own (staff: any).

  Writers: any signed-in user (their own)
  """
  updateBooking(input: UpdateBookingInput!): UpdateBookingPayload!
  """
  Removes a booking altogether (cancel it to keep the record).

  Writers: ADMIN
  """
  deleteBooking(input: DeleteBookingInput!): DeleteBookingPayload!
  "Writers: ADMIN"
  createGroup(input: CreateGroupInput!): CreateGroupPayload!
  "Admins only: prose is not read, the last line is."
  updateGroup(input: UpdateGroupInput!): UpdateGroupPayload!
}`;
const model = buildModel(fixtureSchema(undefined, bookableSdl + bookingSdl));
const { hosts, bookings, groups, bookables, racks } = model.byName;

describe('what a role may write, as the schema states it', () => {
  it('reads the writers a mutation description states on its last line', () => {
    expect(statedWriters('Writers: ADMIN')).toBe('ADMIN');
    expect(statedWriters('Removes a booking altogether.\n\nWriters: ADMIN')).toBe('ADMIN');
    expect(statedWriters('A note on any object.\n\nWriters: STAFF\n')).toBe('STAFF');
    expect(statedWriters('Create an API token.\n\nWriters: any signed-in user (their own)')).toBe('USER');
    expect(statedWriters('Posts a scan.\n\nWriters: agents (as themselves) and ADMIN')).toBe('ADMIN');
  });

  it('guesses nothing from prose', () => {
    expect(statedWriters('Admins only.')).toBeUndefined();
    expect(statedWriters('STAFF. A note on any object with a change log that you can see.')).toBeUndefined();
    expect(statedWriters('Writers: STAFF\n\nA line after the writers.')).toBeUndefined();
    expect(statedWriters(undefined)).toBeUndefined();
  });

  it('takes each mutation’s own statement, and offers none where it has none', () => {
    expect([writersOf(bookings, 'create'), writersOf(bookings, 'edit'), writersOf(bookings, 'delete')]).toEqual(['USER', 'USER', 'ADMIN']);
    expect([writersOf(groups, 'create'), writersOf(groups, 'edit')]).toEqual(['ADMIN', undefined]);
    expect([writersOf(hosts, 'create'), writersOf(hosts, 'edit'), writersOf(hosts, 'delete')]).toEqual(['STAFF', 'STAFF', 'STAFF']);
  });

  it('reads a delete’s writers from the bulk delete where there is no single one', () => {
    const bulkOnly = buildModel(fixtureSchema(undefined, bookableSdl + bookingSdl.replace(/"""\n  Removes[^]*?deleteBooking\(input: DeleteBookingInput!\): DeleteBookingPayload!/, `
  """
  Deletes many Booking objects: all or nothing.

  Writers: STAFF
  """
  bulkDeleteBooking(input: BulkDeleteBookingInput!): BulkDeleteBookingPayload!
  `) + `
input BulkDeleteBookingInput { items: [VersionedId!]! }
type BulkDeleteBookingPayload { deletedIds: [ID!] errors: [UserError!]! }`)).byName.bookings;
    expect(bulkOnly.delete).toBeFalsy();
    expect(writersOf(bulkOnly, 'delete')).toBe('STAFF');
  });

  it('offers nothing the schema has no mutation for', () => {
    expect(writersOf(racks, 'create')).toBeUndefined();
    expect(writersOf(bookables, 'edit')).toBeUndefined();
    expect(writersOf(groups, 'delete')).toBeUndefined();
    expect(mayWrite('ADMIN', racks, 'create')).toBe(false);
  });

  it('offers each role what its rank allows, and anonymous callers nothing', () => {
    const table = (role: 'USER' | 'STAFF' | 'ADMIN' | undefined) =>
      [hosts, bookings, groups].map((r) => (['create', 'edit', 'delete'] as const).filter((a) => mayWrite(role, r, a)).join(' '));
    expect(table(undefined)).toEqual(['', '', '']);
    expect(table('USER')).toEqual(['', 'create edit', '']);
    expect(table('STAFF')).toEqual(['create edit delete', 'create edit', '']);
    expect(table('ADMIN')).toEqual(['create edit delete', 'create edit delete', 'create']);
    expect(mayWrite('ADMIN', undefined, 'create')).toBe(false);
  });
});
