"""Use cases: each public function is one unit of work that the CLI, the UI and the tests call alike.

Services own the transaction boundary and return plain data (dataclasses), never ORM objects.
"""
