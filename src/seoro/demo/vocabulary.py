"""English research vocabulary per national field, from which expert statements and papers are composed.

Each national sub-field has a few research topics and keywords; each top-level field has methods,
measured quantities, application areas and two journal names. All journal names are fictional.
"""

from __future__ import annotations

from typing import NamedTuple


class SubFieldWords(NamedTuple):
    topics: tuple[str, ...]
    keywords: tuple[str, ...]


class FieldWords(NamedTuple):
    methods: tuple[str, ...]
    metrics: tuple[str, ...]
    applications: tuple[str, ...]
    venues: tuple[str, ...]


# fmt: off
SUB_FIELDS: dict[str, SubFieldWords] = {
    "S01.01": SubFieldWords(("resistive switching memory", "MRAM device reliability", "3D NAND cell scaling"), ("ReRAM", "MRAM", "3D NAND", "memory reliability")),
    "S01.02": SubFieldWords(("low-power neural processing units", "in-memory computing accelerators", "hardware-software co-design for AI chips"), ("NPU", "AI accelerator", "in-memory computing", "edge AI")),
    "S01.03": SubFieldWords(("silicon carbide power devices", "GaN high-electron-mobility transistors", "power module thermal management"), ("SiC", "GaN", "power electronics", "inverter")),
    "S01.04": SubFieldWords(("MEMS gas sensors", "hydrogen leak detection sensors", "CMOS image sensor pixels"), ("MEMS", "gas sensor", "image sensor", "sensor fusion")),
    "S01.05": SubFieldWords(("chiplet integration", "hybrid bonding", "fan-out wafer-level packaging"), ("chiplet", "hybrid bonding", "advanced packaging", "thermal interface")),
    "S01.06": SubFieldWords(("atomic layer deposition processes", "plasma etch chamber components", "high-purity precursor chemistry"), ("ALD", "plasma etching", "precursors", "process equipment")),
    "S01.07": SubFieldWords(("micro-LED mass transfer", "quantum-dot colour conversion", "inorganic emitter efficiency"), ("micro LED", "quantum dots", "mass transfer", "display")),
    "S01.08": SubFieldWords(("stretchable thin-film transistors", "foldable display substrates", "flexible encapsulation layers"), ("flexible display", "stretchable electronics", "thin-film transistor", "encapsulation")),
    "S01.09": SubFieldWords(("OLED emitter materials", "display glass substrates", "fine metal deposition masks"), ("OLED", "display materials", "deposition", "substrates")),
    "S02.01": SubFieldWords(("high-nickel cathode materials", "silicon-graphite anodes", "electrolyte additives"), ("cathode", "anode", "lithium-ion", "electrolyte")),
    "S02.02": SubFieldWords(("sulfide solid electrolytes", "lithium-metal anodes", "lithium-sulfur cells"), ("all-solid-state battery", "solid electrolyte", "lithium metal", "interface")),
    "S02.03": SubFieldWords(("battery management algorithms", "thermal runaway detection", "grid-scale energy storage systems"), ("BMS", "state of health", "thermal runaway", "ESS")),
    "S02.04": SubFieldWords(("hydrometallurgical recycling of lithium-ion batteries", "second-life battery assessment", "direct cathode regeneration"), ("battery recycling", "second-life", "lithium recovery", "circular economy")),
    "S03.01": SubFieldWords(("perception for autonomous vehicles", "sensor fusion for driver assistance", "motion planning in urban traffic"), ("autonomous driving", "lidar", "sensor fusion", "ADAS")),
    "S03.02": SubFieldWords(("eVTOL flight control", "urban air mobility airspace management", "distributed electric propulsion"), ("UAM", "eVTOL", "flight control", "electric propulsion")),
    "S03.03": SubFieldWords(("electric vehicle powertrains", "thermal management of fuel-cell electric vehicles", "vehicle-to-grid charging"), ("EV", "FCEV", "powertrain", "charging")),
    "S04.01": SubFieldWords(("small modular reactor thermal hydraulics", "passive safety systems", "reactor core design"), ("SMR", "thermal hydraulics", "passive safety", "reactor physics")),
    "S04.02": SubFieldWords(("radioactive waste immobilisation", "robotics for nuclear decommissioning", "spent fuel characterisation"), ("radioactive waste", "decommissioning", "spent fuel", "nuclear materials")),
    "S05.01": SubFieldWords(("metabolic engineering of microbial strains", "biofoundry automation", "cell-free protein synthesis"), ("synthetic biology", "metabolic engineering", "biofoundry", "fermentation")),
    "S05.02": SubFieldWords(("CAR-T cell manufacturing", "delivery vectors for gene editing", "mechanobiology of stem cells"), ("cell therapy", "gene editing", "CRISPR", "stem cells")),
    "S05.03": SubFieldWords(("mRNA vaccine formulation", "lipid nanoparticle delivery", "antiviral drug screening"), ("mRNA", "vaccine", "lipid nanoparticles", "infectious disease")),
    "S05.04": SubFieldWords(("clinical data analytics", "wearable health monitoring", "federated learning on hospital data"), ("digital health", "health data", "wearables", "medical AI")),
    "S06.01": SubFieldWords(("reusable launch vehicle propulsion", "cryogenic propellant tanks", "combustion instability in rocket engines"), ("launch vehicle", "rocket propulsion", "cryogenics", "combustion")),
    "S06.02": SubFieldWords(("small satellite attitude control", "satellite constellation design", "onboard image processing"), ("smallsat", "attitude control", "constellation", "remote sensing")),
    "S06.03": SubFieldWords(("lunar regolith processing", "planetary rover autonomy", "deep-space navigation"), ("lunar", "space exploration", "rover", "navigation")),
    "S06.04": SubFieldWords(("carbon-fibre composite aerostructures", "machining of titanium aircraft parts", "structural health monitoring of airframes"), ("aircraft parts", "composites", "aerostructures", "titanium")),
    "S06.05": SubFieldWords(("autonomous surface vessels", "offshore wind platform dynamics", "underwater acoustic sensing"), ("ocean engineering", "offshore", "marine robotics", "shipbuilding")),
    "S07.01": SubFieldWords(("proton exchange membrane water electrolysis", "low-iridium oxygen evolution catalysts", "anion exchange membrane electrolysers"), ("electrolysis", "green hydrogen", "catalyst", "electrolyser")),
    "S07.02": SubFieldWords(("metal hydride hydrogen storage", "boil-off management for liquid hydrogen", "hydrogen embrittlement of pipeline steels"), ("hydrogen storage", "liquid hydrogen", "embrittlement", "pressure vessel")),
    "S07.03": SubFieldWords(("catalyst layer degradation in PEM fuel cells", "solid oxide fuel cell electrodes", "fuel cell stack durability"), ("fuel cell", "PEMFC", "SOFC", "durability")),
    "S08.01": SubFieldWords(("privacy-preserving machine learning", "adversarial robustness of AI models", "secure data sharing"), ("privacy", "AI security", "differential privacy", "data security")),
    "S08.02": SubFieldWords(("zero-trust network architectures", "cloud workload isolation", "intrusion detection in software-defined networks"), ("zero trust", "cloud security", "intrusion detection", "network security")),
    "S08.03": SubFieldWords(("industrial control system security", "software supply-chain integrity", "secure firmware updates"), ("OT security", "ICS", "supply chain security", "firmware")),
    "S08.04": SubFieldWords(("automated vulnerability discovery", "malware analysis", "incident response automation"), ("vulnerability", "fuzzing", "malware", "incident response")),
    "S09.01": SubFieldWords(("efficient training of large neural networks", "model compression for edge devices", "distributed AI infrastructure"), ("efficient training", "model compression", "AI infrastructure", "edge AI")),
    "S09.02": SubFieldWords(("foundation models for science", "reinforcement learning for decision-making", "multimodal generative models"), ("foundation model", "generative AI", "reinforcement learning", "LLM")),
    "S09.03": SubFieldWords(("machine vision for manufacturing inspection", "predictive maintenance with machine learning", "AI for agriculture"), ("applied AI", "machine vision", "predictive maintenance", "industrial AI")),
    "S09.04": SubFieldWords(("explainable AI for safety-critical systems", "fairness and robustness evaluation", "verification of neural networks"), ("explainable AI", "trustworthy AI", "AI safety", "verification")),
    "S10.01": SubFieldWords(("massive MIMO beamforming", "network slicing for industrial 5G", "ultra-reliable low-latency communication"), ("5G", "massive MIMO", "network slicing", "URLLC")),
    "S10.02": SubFieldWords(("terahertz communication links", "reconfigurable intelligent surfaces", "AI-native air interfaces"), ("6G", "terahertz", "RIS", "wireless")),
    "S10.03": SubFieldWords(("Open RAN interoperability testing", "RAN intelligent controllers", "virtualised baseband processing"), ("Open RAN", "O-RAN", "RIC", "vRAN")),
    "S10.04": SubFieldWords(("low-Earth-orbit satellite networks", "satellite-terrestrial integration", "phased-array user terminals"), ("satcom", "LEO", "phased array", "non-terrestrial networks")),
    "S11.01": SubFieldWords(("collaborative robot manipulation", "mobile robots in logistics", "robot learning from demonstration"), ("cobot", "manipulation", "mobile robot", "robot learning")),
    "S11.02": SubFieldWords(("compliant actuators", "precision reducers for robot joints", "robot force control"), ("actuator", "reducer", "force control", "robot control")),
    "S11.03": SubFieldWords(("digital twins of production lines", "industrial IoT analytics", "process optimisation in smart factories"), ("digital twin", "smart factory", "IIoT", "process optimisation")),
    "S11.04": SubFieldWords(("metal additive manufacturing", "laser-based precision machining", "in-process quality monitoring"), ("additive manufacturing", "3D printing", "precision machining", "laser processing")),
    "S12.01": SubFieldWords(("superconducting qubit control", "quantum error correction", "quantum algorithms for chemistry"), ("qubit", "quantum computing", "error correction", "quantum algorithms")),
    "S12.02": SubFieldWords(("quantum key distribution networks", "quantum repeaters", "entangled photon sources"), ("QKD", "quantum communication", "entanglement", "photonics")),
    "S12.03": SubFieldWords(("nitrogen-vacancy centre magnetometry", "atom interferometry", "quantum-enhanced imaging"), ("quantum sensing", "NV centre", "magnetometry", "metrology")),
    "S12.04": SubFieldWords(("topological quantum materials", "single-photon detectors", "cryogenic control electronics"), ("quantum materials", "single-photon detector", "cryogenics", "superconductors")),
}

TOP_FIELDS: dict[str, FieldWords] = {
    "S01": FieldWords(
        methods=("device simulation", "wafer-level characterisation", "process integration experiments"),
        metrics=("energy efficiency", "yield", "reliability"),
        applications=("automotive electronics", "data-centre hardware", "consumer devices"),
        venues=("Journal of Semiconductor Device Engineering", "Display Materials and Processes Letters"),
    ),
    "S02": FieldWords(
        methods=("operando X-ray diffraction", "electrochemical impedance spectroscopy", "first-principles calculations"),
        metrics=("capacity retention", "energy density", "cycle life"),
        applications=("electric vehicles", "grid storage", "special-purpose vehicles"),
        venues=("Battery Interfaces and Materials Letters", "Electrochemical Storage Review"),
    ),
    "S03": FieldWords(
        methods=("hardware-in-the-loop testing", "large-scale simulation", "field trials"),
        metrics=("energy consumption", "safety margin", "operating range"),
        applications=("commercial fleets", "urban transport", "special-purpose vehicles"),
        venues=("Journal of Advanced Mobility Systems", "Vehicle Electrification Review"),
    ),
    "S04": FieldWords(
        methods=("computational fluid dynamics", "integral effect tests", "irradiation experiments"),
        metrics=("safety margin", "heat removal capacity", "waste volume"),
        applications=("small modular reactor deployment", "plant decommissioning", "nuclear safety assessment"),
        venues=("Annals of Advanced Nuclear Systems", "Reactor Safety Engineering Letters"),
    ),
    "S05": FieldWords(
        methods=("high-throughput screening", "single-cell sequencing", "machine-learning analysis"),
        metrics=("yield", "efficacy", "accuracy"),
        applications=("agri-food production", "regional hospitals", "biomanufacturing"),
        venues=("Applied Bioprocess and Therapeutics Letters", "Biotechnology Methods and Reports"),
    ),
    "S06": FieldWords(
        methods=("wind-tunnel testing", "finite-element analysis", "flight experiments"),
        metrics=("structural efficiency", "propulsive efficiency", "accuracy"),
        applications=("aircraft manufacturing", "earth observation", "maritime operations"),
        venues=("Journal of Aerospace Structures and Systems", "Ocean and Space Engineering Letters"),
    ),
    "S07": FieldWords(
        methods=("accelerated stress testing", "operando impedance spectroscopy", "techno-economic analysis"),
        metrics=("system efficiency", "durability", "hydrogen throughput"),
        applications=("hydrogen mobility", "industrial decarbonisation", "distributed power generation"),
        venues=("International Journal of Hydrogen Systems", "Fuel Cell Science and Engineering Letters"),
    ),
    "S08": FieldWords(
        methods=("formal analysis", "red-team exercises", "large-scale log analysis"),
        metrics=("detection rate", "false-positive rate", "response time"),
        applications=("critical infrastructure", "manufacturing plants", "public-sector networks"),
        venues=("Journal of Applied Cyber Defence", "Security and Privacy Engineering Review"),
    ),
    "S09": FieldWords(
        methods=("benchmark studies", "large-scale training experiments", "field deployment"),
        metrics=("accuracy", "inference speed", "labelling efficiency"),
        applications=("manufacturing", "agriculture", "public services"),
        venues=("Applied Machine Intelligence Quarterly", "Trustworthy AI Systems Letters"),
    ),
    "S10": FieldWords(
        methods=("system-level simulation", "over-the-air testbeds", "channel measurements"),
        metrics=("throughput", "latency", "spectral efficiency"),
        applications=("smart factories", "rural connectivity", "connected vehicles"),
        venues=("Journal of Next-Generation Networks", "Wireless Systems Engineering Letters"),
    ),
    "S11": FieldWords(
        methods=("digital-twin simulation", "pilot-line experiments", "user studies"),
        metrics=("cycle time", "positioning accuracy", "defect rate"),
        applications=("automotive parts plants", "logistics centres", "small and medium manufacturers"),
        venues=("Manufacturing Automation Practice", "Robotics and Automation Engineering Letters"),
    ),
    "S12": FieldWords(
        methods=("cryogenic measurements", "device fabrication", "numerical simulation"),
        metrics=("fidelity", "sensitivity", "noise tolerance"),
        applications=("secure communications", "medical imaging", "materials discovery"),
        venues=("Quantum Devices and Systems Letters", "Journal of Applied Quantum Engineering"),
    ),
}
# fmt: on


def top_of(code: str) -> str:
    """The national top-level code of a sub-field code (``S07.03`` -> ``S07``)."""
    return code.split(".")[0]


def sub_fields_of(top: str) -> list[str]:
    return [code for code in SUB_FIELDS if top_of(code) == top]
