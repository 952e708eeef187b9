#pragma once
// BEGIN IMMEDIATE ... COMMIT, rolled back when left without commit() (an exception). IMMEDIATE
// takes the write lock at the start, so two writers wait on the busy timeout instead of one
// failing half-way when it upgrades a read lock.

#include "logdx/storage/database.hpp"

namespace logdx::storage {

class Transaction {
 public:
  explicit Transaction(const Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) {
      try {
        db_.exec("ROLLBACK");
      } catch (...) {  // the connection closes next; SQLite rolls back then
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  const Database& db_;
  bool done_ = false;
};

}  // namespace logdx::storage
