import { describe, expect, it } from 'vitest';
import { mayWrite, statedRole, writersOf } from '../auth';
import { buildModel } from '../schema';
import { bookableSdl, fixtureSchema } from './fixture';

// the fixture's hosts, and bookings written as the real schema describes them
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
  "Books an ACTIVE bookable for [start, end), for the caller unless staff name another owner."
  createBooking(input: CreateBookingInput!): CreateBookingPayload!
  "Changes a live booking of the caller's own (staff: any)."
  updateBooking(input: UpdateBookingInput!): UpdateBookingPayload!
  "Removes a booking altogether (admins only; cancel it to keep the record)."
  deleteBooking(input: DeleteBookingInput!): DeleteBookingPayload!
  "Admins only."
  createGroup(input: CreateGroupInput!): CreateGroupPayload!
  updateGroup(input: UpdateGroupInput!): UpdateGroupPayload!
}`;
const model = buildModel(fixtureSchema(undefined, bookableSdl + bookingSdl));
const { hosts, bookings, groups, bookables, racks } = model.byName;

describe('what a role may write, read from the schema', () => {
  it('reads the role a mutation description names', () => {
    expect(statedRole('Admins only.')).toBe('ADMIN');
    expect(statedRole('Removes a booking altogether (admins only; cancel it to keep the record).')).toBe('ADMIN');
    expect(statedRole('STAFF. A note on any object with a change log that you can see.')).toBe('STAFF');
    expect(statedRole('Create an API token for yourself (admins: for anyone).')).toBe('USER');
    expect(statedRole('A building still holding labs is not deleted (REFERENCED).')).toBeUndefined();
    expect(statedRole(undefined)).toBeUndefined();
  });

  it('takes the mutation’s own role, else its create’s, else staff', () => {
    expect([writersOf(bookings, 'create'), writersOf(bookings, 'edit'), writersOf(bookings, 'delete')]).toEqual(['USER', 'USER', 'ADMIN']);
    expect([writersOf(groups, 'create'), writersOf(groups, 'edit')]).toEqual(['ADMIN', 'ADMIN']);
    expect([writersOf(hosts, 'create'), writersOf(hosts, 'edit'), writersOf(hosts, 'delete')]).toEqual(['STAFF', 'STAFF', 'STAFF']);
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
    expect(table('ADMIN')).toEqual(['create edit delete', 'create edit delete', 'create edit']);
    expect(mayWrite('ADMIN', undefined, 'create')).toBe(false);
  });
});
