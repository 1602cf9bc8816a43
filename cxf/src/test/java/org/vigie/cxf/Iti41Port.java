package org.vigie.cxf;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/** The ITI-41 port type as a vendor declares it (bare document/literal), without WSDL code generation. */
@WebService(targetNamespace = Iti41Port.XDSB, name = "DocumentRepository_PortType")
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface Iti41Port {

    String XDSB = "urn:ihe:iti:xds-b:2007";
    String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";

    @WebMethod(operationName = "DocumentRepository_ProvideAndRegisterDocumentSet-b",
            action = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b")
    @WebResult(name = "RegistryResponse", targetNamespace = RS, partName = "body")
    RegistryResponse provideAndRegister(@WebParam(name = "ProvideAndRegisterDocumentSetRequest", targetNamespace = XDSB,
            partName = "body") ProvideAndRegisterRequest request);
}
