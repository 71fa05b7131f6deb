"""kyr: publish a multilingual Know Your Rights website and printable red cards for clinics."""

__version__ = "0.1.0"
