"""The MkDocs side of kyr: the only package that imports MkDocs."""
