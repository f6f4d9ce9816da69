"""The demo data set (``build_demo``), built from the facts in the design's CONTEXT; pure Python."""

from seoro.demo.dataset import DemoAgreement, DemoData, DemoFollowUp, DemoParty, build_demo

__all__ = ["DemoAgreement", "DemoData", "DemoFollowUp", "DemoParty", "build_demo"]
